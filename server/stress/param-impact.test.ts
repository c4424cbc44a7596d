// R2 impact of proposed parameters on a hand-built book: the status changes now, and a scenario's KPIs
// under both versions (a higher maintenance rate breaches more accounts in the same crash).
import { describe, expect, it } from "vitest";
import { DEFAULT_PLANNER_PARAMS } from "../liquidation/planner/planner-params";
import { buildBookColumns } from "../risk/engine/book-columns";
import { DEFAULT_RISK_PARAMS } from "../risk/margin/risk-params";
import { computeParamImpact } from "./param-impact";
import type { StressBook } from "./stress-book";

function book(): StressBook {
  const b = buildBookColumns(
    [{ code: "X", assetClass: "MAIN_BOARD", liquidityTier: "T1", avgDailyValue: 1e9, prevClose: 10 }],
    [
      // W: MV 10,000, debt 8,800 -> E 1,200; m 0.12 -> MM 1,200, ML 1.0 (WARNING); m 0.15 -> MM 1,500, ML 0.8 (LIQUIDATION)
      { id: "W", cash: 0, debt: 8_800, positions: [{ symbol: "X", qty: 1_000 }] },
      // H: no debt, healthy under both
      { id: "H", cash: 0, debt: 0, positions: [{ symbol: "X", qty: 1_000 }] },
    ],
  );
  return {
    book: b,
    prices: Float64Array.of(10),
    sigmas: Float64Array.of(0),
    multipliers: Float64Array.of(1),
    sector: ["S"],
    beta: Float64Array.of(1),
    lotSize: Int32Array.of(100),
    suspended: new Uint8Array(1),
    params: DEFAULT_RISK_PARAMS,
    planner: DEFAULT_PLANNER_PARAMS,
    paramVersion: 1,
    asOfMinute: 0,
    waterfall: { RISK_CAPITAL: 0, GUARANTEE_FUND: 0, JUNIOR_TRANCHE: 0, SENIOR_TRANCHE: 0 },
  };
}

describe("computeParamImpact", () => {
  const next = { ...DEFAULT_RISK_PARAMS, base: { ...DEFAULT_RISK_PARAMS.base, MAIN_BOARD: 0.15 } };

  it("counts the accounts whose status changes now", () => {
    const r = computeParamImpact({ sb: book(), next, scenarios: [] });
    expect(r.accounts).toBe(2);
    expect(r.now).toEqual({
      current: { HEALTHY: 1, WARNING: 1, LIQUIDATION: 0, HARD_FLOOR: 0 },
      proposed: { HEALTHY: 1, WARNING: 0, LIQUIDATION: 1, HARD_FLOOR: 0 },
      changed: 1,
      worse: 1,
      better: 0,
    });
  });

  it("runs each scenario under both versions", () => {
    // +0% with others: a scenario that moves nothing breaches W only under the proposed version.
    const flat = {
      id: "flat",
      name: "flat",
      kind: "SYNTHETIC" as const,
      description: "",
      source: "",
      steps: [{ label: "0", minutes: 1, indexReturn: 0 }],
    };
    const r = computeParamImpact({ sb: book(), next, scenarios: [flat] });
    expect(r.scenarios[0]?.current.liquidation).toBe(0);
    expect(r.scenarios[0]?.proposed.liquidation).toBe(1);
    expect(r.scenarios[0]?.proposed.liquidationNotional).toBeGreaterThan(0);
  });
});
