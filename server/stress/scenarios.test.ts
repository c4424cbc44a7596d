// T1: scenarios built from the real files in data/ and the published figures; expected values are
// read off the files by hand (the rows are quoted) or are the published numbers themselves.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { buildBookColumns } from "../risk/engine/book-columns";
import { DEFAULT_PLANNER_PARAMS } from "../liquidation/planner/planner-params";
import { DEFAULT_RISK_PARAMS } from "../risk/margin/risk-params";
import {
  buildAugust2015Open,
  buildBlackMonday,
  buildChina2015,
  buildFlashCrash,
  buildSept2001,
  buildSp2001CrossSection,
  worstDjiaDays,
} from "./historical-scenarios";
import { resolveStep } from "./resolve-step";
import type { StressBook } from "./stress-book";
import { buildSyntheticSteps, syntheticDefinition } from "./synthetic-scenarios";

const compound = (rs: readonly number[]) => rs.reduce((p, r) => p * (1 + r), 1) - 1;

describe("historical scenarios from data/", () => {
  it("1987-10-19 is -22.6%: DJIA 2246.74 (10-16) -> 1738.74 (10-19), the file's worst day", () => {
    const s = buildBlackMonday();
    expect(s.steps).toHaveLength(1);
    expect(s.steps[0]?.indexReturn).toBeCloseTo(1738.74 / 2246.74 - 1, 12);
    expect(Math.round((s.steps[0]?.indexReturn ?? 0) * 1000) / 10).toBe(-22.6);
    expect(worstDjiaDays(1)[0]?.date).toBe("1987-10-19");
  });

  it("2001-09-17 uses each constituent's real return from the 09-10 close", () => {
    const { entries } = buildSp2001CrossSection();
    const ret = (code: string) => entries.find((e) => e.code === code)?.ret;
    // Rows of SP2001_sp500_constituents.csv: 2001-09-10 A 23.05, AA 33.8; 2001-09-17 A 21.75, AA 30.08.
    expect(ret("A")).toBeCloseTo(21.75 / 23.05 - 1, 12);
    expect(ret("AA")).toBeCloseTo(30.08 / 33.8 - 1, 12);
    expect(entries.length).toBeGreaterThan(450);
    // Airlines were the hardest hit at the reopening (DAL, AMR's peers): far below the average.
    const avg = entries.reduce((a, e) => a + e.ret, 0) / entries.length;
    expect(ret("DAL")).toBeLessThan(avg - 0.2);
    expect(buildSept2001().steps[0]?.indexReturn).toBeCloseTo(avg, 12);
  });

  it("China 2015 reproduces the published daily moves, suspensions, limit-downs and the -45% fall", () => {
    const s = buildChina2015();
    const byLabel = new Map(s.steps.map((st) => [st.label, st]));
    expect(byLabel.get("2015-06-26")?.indexReturn).toBe(-0.074);
    expect(byLabel.get("2015-07-08")?.indexReturn).toBe(-0.059);
    expect(byLabel.get("2015-07-08")?.suspendedShare).toBe(0.5);
    expect(byLabel.get("2015-07-27")?.indexReturn).toBe(-0.085);
    expect(byLabel.get("2015-08-24")?.indexReturn).toBe(-0.0849);
    expect(byLabel.get("2015-08-24")?.limitDownShare).toBe(0.68);
    expect(byLabel.get("2015-08-25")?.indexReturn).toBe(-0.0763);
    // Peak 5178.19 to low 2850.71: -44.95%.
    expect(compound(s.steps.map((st) => st.indexReturn))).toBeCloseTo(2850.71 / 5178.19 - 1, 12);
    expect(s.steps.every((st) => st.priceLimits)).toBe(true);
  });

  it("the flash crash falls 9% in 20 minutes and recovers to -3% in the next 20", () => {
    const s = buildFlashCrash();
    const rs = s.steps.map((st) => st.indexReturn);
    expect(s.steps.every((st) => st.minutes === 1)).toBe(true);
    expect(compound(rs.slice(0, 20))).toBeCloseTo(-0.09, 12);
    expect(compound(rs)).toBeCloseTo(-0.03, 12);
  });

  it("2015-08-24 opens -5.2%, reaches -7.8% and closes -4.2%", () => {
    const rs = buildAugust2015Open().steps.map((st) => st.indexReturn);
    expect(rs[0]).toBeCloseTo(-0.052, 12);
    expect(compound(rs.slice(0, 6))).toBeCloseTo(-0.078, 12);
    expect(compound(rs)).toBeCloseTo(-0.042, 12);
  });
});

function smallBook(): StressBook {
  const syms = [
    { code: "600001", sector: "银行", beta: 0.7, adv: 5e8, cls: "MAIN_BOARD" },
    { code: "600002", sector: "证券", beta: 1.3, adv: 1e8, cls: "MAIN_BOARD" },
    { code: "300001", sector: "半导体", beta: 1.6, adv: 2e7, cls: "GROWTH" },
    { code: "600003", sector: "无此行业", beta: 1.0, adv: 1e6, cls: "MAIN_BOARD" },
  ];
  const book = buildBookColumns(
    syms.map((s) => ({ code: s.code, assetClass: s.cls, liquidityTier: "T1", avgDailyValue: s.adv, prevClose: 10 })),
    [],
  );
  const order = book.symbols.map((c) => syms.find((s) => s.code === c) ?? syms[0]!);
  return {
    book,
    prices: Float64Array.from(order.map(() => 10)),
    sigmas: Float64Array.from(order.map(() => 0.001)),
    multipliers: Float64Array.from(order.map(() => 1)),
    sector: order.map((s) => s.sector),
    beta: Float64Array.from(order.map((s) => s.beta)),
    lotSize: Int32Array.from(order.map(() => 100)),
    suspended: new Uint8Array(order.length),
    params: DEFAULT_RISK_PARAMS,
    planner: DEFAULT_PLANNER_PARAMS,
    paramVersion: 1,
    asOfMinute: 0,
    waterfall: { RISK_CAPITAL: 0, GUARANTEE_FUND: 0, JUNIOR_TRANCHE: 0, SENIOR_TRANCHE: 0 },
  };
}

describe("a step applied to a book", () => {
  const sb = smallBook();
  const idx = (code: string) => sb.book.symbolIndex.get(code) ?? -1;

  it("maps SP2001 returns by sector and the nearest beta", () => {
    const { entries } = buildSp2001CrossSection();
    const st = resolveStep(buildSept2001().steps[0]!, sb);
    const bank = entries.filter((e) => e.sector === "银行");
    const nearest = bank.reduce((b, e) => (Math.abs(e.beta - 0.7) < Math.abs(b.beta - 0.7) ? e : b));
    expect(st.returns[idx("600001")]).toBe(nearest.ret);
    // A sector with no constituent takes the nearest beta among all of them.
    const all = entries.reduce((b, e) => (Math.abs(e.beta - 1) < Math.abs(b.beta - 1) ? e : b));
    expect(st.returns[idx("600003")]).toBe(all.ret);
  });

  it("applies A-share price limits: beyond -10% (main) / -20% (growth) is limit-down", () => {
    const st = resolveStep({ label: "gap", minutes: 1, indexReturn: -0.12, priceLimits: true }, sb);
    expect(st.returns[idx("600001")]).toBeCloseTo(0.7 * -0.12, 12); // -8.4%, trades
    expect(st.limitDown[idx("600001")]).toBe(0);
    expect(st.returns[idx("600002")]).toBe(-0.1); // 1.3 x -12% = -15.6% -> limit
    expect(st.limitDown[idx("600002")]).toBe(1);
    expect(st.returns[idx("300001")]).toBeCloseTo(1.6 * -0.12, 12); // -19.2%: inside the growth board's 20%
    expect(st.limitDown[idx("300001")]).toBe(0);
  });

  it("suspends the least liquid first and keeps their price; limit-down share takes the hardest hit", () => {
    const st = resolveStep(
      { label: "d", minutes: 1, indexReturn: -0.05, suspendedShare: 0.25, limitDownShare: 0.25 },
      sb,
    );
    expect(st.suspended[idx("600003")]).toBe(1); // ADV 1e6, the smallest
    expect(st.returns[idx("600003")]).toBe(0);
    expect(st.limitDown[idx("300001")]).toBe(1); // beta 1.6: the largest fall
    expect(st.returns[idx("300001")]).toBe(-0.2);
  });

  it("never lets a price fall below zero, for any shock and beta", () => {
    fc.assert(
      fc.property(fc.double({ min: -0.95, max: 0.5, noNaN: true }), (shock) => {
        const st = resolveStep({ label: "x", minutes: 1, indexReturn: shock }, sb);
        return [...st.returns].every((r) => r >= -0.99 && Number.isFinite(r));
      }),
    );
  });
});

describe("synthetic definitions", () => {
  it("refuse bad input and prototype keys", () => {
    expect(syntheticDefinition.safeParse({ template: "UNIFORM", shock: -2 }).success).toBe(false);
    expect(syntheticDefinition.safeParse({ template: "__proto__", shock: -0.1 }).success).toBe(false);
    expect(syntheticDefinition.safeParse({ template: "UNIFORM", shock: Number.NaN }).success).toBe(false);
  });

  it("spread a multi-day shock so the days compound to it", () => {
    const steps = buildSyntheticSteps({ template: "LIQUIDITY_CRUNCH", shock: -0.15, days: 5, volumeFactor: 0.1 });
    expect(compound(steps.map((s) => s.indexReturn))).toBeCloseTo(-0.15, 12);
    expect(steps.every((s) => s.volumeFactor === 0.1)).toBe(true);
  });

  it("a sector shock hits only that sector's symbols", () => {
    const sb = smallBook();
    const steps = buildSyntheticSteps({ template: "SECTOR", sector: "证券", shock: -0.2, othersShock: -0.03 });
    const st = resolveStep(steps[0]!, sb);
    expect(st.returns[sb.book.symbolIndex.get("600002")!]).toBe(-0.2);
    expect(st.returns[sb.book.symbolIndex.get("600001")!]).toBe(-0.03);
  });
});
