import { describe, expect, it } from "vitest";
import { ActionCache, planActions, ruleMatches, type RuleView } from "./alert-rules";

const rule = (over: Partial<RuleView> & { id: string }): RuleView => ({
  name: over.id,
  kind: "*",
  minSeverity: "WARNING",
  action: "NOTIFY",
  multiplier: null,
  durationMin: 30,
  enabled: true,
  ...over,
});

describe("alert rules (M6)", () => {
  it("match by kind and minimum severity, only when enabled", () => {
    expect(ruleMatches(rule({ id: "r" }), { kind: "CUSUM_DOWN", severity: "CRITICAL" })).toBe(true);
    expect(ruleMatches(rule({ id: "r" }), { kind: "CUSUM_DOWN", severity: "INFO" })).toBe(false);
    expect(ruleMatches(rule({ id: "r", kind: "VOL_SPIKE" }), { kind: "CUSUM_DOWN", severity: "CRITICAL" })).toBe(false);
    expect(ruleMatches(rule({ id: "r", enabled: false }), { kind: "CUSUM_DOWN", severity: "CRITICAL" })).toBe(false);
  });

  it("plan one action per symbol and rule, none while the same rule is still active on the symbol", () => {
    const rules = [
      rule({ id: "m", action: "RAISE_MARGIN", multiplier: 1.5 }),
      rule({ id: "n", minSeverity: "CRITICAL" }),
    ];
    const alarms = [
      { symbol: "600000.SH", kind: "CUSUM_DOWN" as const, severity: "CRITICAL" as const },
      { symbol: "600000.SH", kind: "VOL_SPIKE" as const, severity: "WARNING" as const },
      { symbol: "000001.SZ", kind: "VOL_SPIKE" as const, severity: "WARNING" as const },
    ];
    const active = [
      { id: "x", symbolCode: "000001.SZ", ruleId: "m", action: "RAISE_MARGIN", multiplier: 1.5, expiresAt: 2000 },
    ];
    const plan = planActions(alarms, rules, active, 1000);
    expect(plan.map((p) => `${p.alarm.symbol}:${p.rule.id}`)).toEqual(["600000.SH:m", "600000.SH:n"]);
    expect(planActions(alarms, rules, active, 3000)).toHaveLength(3); // expired: 000001.SZ gets it again
  });

  it("take no automatic action on an alarm of a GAP minute (it is recorded, not acted on)", () => {
    const rules = [rule({ id: "m", action: "RAISE_MARGIN", multiplier: 1.5 })];
    const onGap = {
      symbol: "600000.SH",
      kind: "CUSUM_DOWN" as const,
      severity: "CRITICAL" as const,
      evidence: { dataQuality: "GAP" },
    };
    const clean = { ...onGap, symbol: "000001.SZ", evidence: { z: -9 } };
    expect(planActions([onGap, clean], rules, [], 0).map((p) => p.alarm.symbol)).toEqual(["000001.SZ"]);
  });

  it("the overrides take the largest active multiplier and expire", () => {
    let now = 0;
    const cache = new ActionCache(() => now);
    cache.replace([
      { id: "a", symbolCode: "S", ruleId: "m", action: "RAISE_MARGIN", multiplier: 1.5, expiresAt: 100 },
      { id: "b", symbolCode: "S", ruleId: "k", action: "RAISE_MARGIN", multiplier: 2, expiresAt: 50 },
      { id: "c", symbolCode: "S", ruleId: "r", action: "RESTRICT_BUYS", multiplier: null, expiresAt: 100 },
    ]);
    expect(cache.marginMultiplier("S")).toBe(2);
    expect(cache.buyRestricted("S")).toBe(true);
    expect(cache.marginMultiplier("T")).toBe(1);
    now = 60;
    expect(cache.marginMultiplier("S")).toBe(1.5);
    now = 100;
    expect(cache.marginMultiplier("S")).toBe(1);
    expect(cache.buyRestricted("S")).toBe(false);
  });
});
