// T2: a run's KPIs on a small hand-built book, every figure worked by hand below (fees set to zero
// and the impact model made round: y = 1, sigma = 0.001, 100 minutes a day, so the slippage of
// selling q shares at p is 0.01 * sqrt(q p / ADV)).
import { describe, expect, it } from "vitest";
import { DEFAULT_PLANNER_PARAMS } from "../liquidation/planner/planner-params";
import { buildBookColumns } from "../risk/engine/book-columns";
import { DEFAULT_RISK_PARAMS } from "../risk/margin/risk-params";
import { simulateRun } from "./simulate-run";
import type { ResolvedStep, StressBook } from "./stress-book";

function handBook(): StressBook {
  const symbols = ["X", "Y"].map((code) => ({
    code,
    assetClass: "MAIN_BOARD",
    liquidityTier: "T1",
    avgDailyValue: 10_000_000,
    prevClose: 10,
  }));
  const book = buildBookColumns(symbols, [
    // A: MV 100,000, MM 12,000 (m = 0.12), E 20,000, ML 1.667 (healthy before the shock)
    { id: "A", cash: 0, debt: 80_000, positions: [{ symbol: "X", qty: 10_000 }] },
    // B: no debt, healthy throughout
    { id: "B", cash: 50_000, debt: 0, positions: [{ symbol: "X", qty: 1_000 }] },
    // C: MV 10,000, E 500, ML 0.417 (hard floor already), only Y, which goes limit-down
    { id: "C", cash: 0, debt: 9_500, positions: [{ symbol: "Y", qty: 1_000 }] },
  ]);
  return {
    book,
    prices: Float64Array.of(10, 10),
    sigmas: Float64Array.of(0.001, 0.001),
    multipliers: Float64Array.of(1, 1),
    sector: ["S", "S"],
    beta: Float64Array.of(1, 1),
    lotSize: Int32Array.of(100, 100),
    suspended: new Uint8Array(2),
    params: DEFAULT_RISK_PARAMS,
    planner: {
      ...DEFAULT_PLANNER_PARAMS,
      impact: { y: 1, minutesPerDay: 100, maxSlippage: 0.1 },
      fees: { commissionRate: 0, commissionMin: 0, stampDutyRate: 0, transferFeeRate: 0 },
    },
    paramVersion: 1,
    asOfMinute: 0,
    waterfall: { RISK_CAPITAL: 300, GUARANTEE_FUND: 100, JUNIOR_TRANCHE: 1_000, SENIOR_TRANCHE: 10_000 },
  };
}

const step: ResolvedStep = {
  label: "shock",
  minutes: 5,
  indexReturn: -0.12,
  returns: Float64Array.of(-0.12, -0.1),
  suspended: Uint8Array.of(0, 0),
  limitDown: Uint8Array.of(0, 1),
  volumeFactor: 1,
  volMultiplier: 1,
};

describe("simulateRun on a hand-built book", () => {
  const { kpis, series } = simulateRun(handBook(), [step]);

  it("counts the accounts breaching each line", () => {
    // X at 8.8: A has MV 88,000, E 8,000, MM 10,560, ML 0.758 (liquidation); C: MV 9,000, E -500 (hard floor).
    expect(kpis.breaching).toEqual({ warning: 2, liquidation: 2, hardFloor: 1 });
    expect(kpis.tickets).toBe(2);
  });

  it("sells A's 5,000 shares in two minutes under the 25% volume cap, with the slippage of each fill", () => {
    // Plan: 4,900 shares leave ML 1.480, 5,000 leave (8,000 - 29.19) / 5,280 = 1.5096 >= 1.5.
    // Minute volume 10,000,000 / 100 / 8.8 = 11,363.6 shares, cap 25% = 2,840 -> 2,800 (whole lots), then 2,200.
    // Slippage 0.01 * sqrt(2,800 * 8.8 / 1e7) = 4.9639 bps and 0.01 * sqrt(2,200 * 8.8 / 1e7) = 4.4 bps.
    expect(kpis.fills).toBe(2);
    const g1 = 2_800 * 8.8 * (1 - 0.00049639);
    const g2 = 2_200 * 8.8 * (1 - 0.00044);
    expect(kpis.liquidationNotional).toBeCloseTo(g1 + g2, 1); // 43,979.25
    expect(kpis.slippageMeanBps).toBeCloseTo((g1 * 4.9639 + g2 * 4.4) / (g1 + g2), 3); // 4.7158
    expect(kpis.slippageP95Bps).toBeCloseTo(4.9639, 3);
    expect(kpis.minutesToLiquidateP50).toBe(2);
    expect(kpis.minutesToLiquidateMax).toBe(2);
    expect(series.liquidationByMinute.map(([m]) => m)).toEqual([0, 1]);
    expect(kpis.ticketsDone).toBe(1);
    expect(kpis.ticketsOpen).toBe(1); // C's Y is limit-down: nothing sellable
  });

  it("leaves C 500 under water, absorbed by risk capital, the guarantee fund and then the junior tranche", () => {
    expect(kpis.shortfall).toBeCloseTo(500, 6);
    expect(kpis.accountsUnderwater).toBe(1);
    const absorbed = Object.fromEntries(kpis.waterfall.map((w) => [w.layer, w.absorbed]));
    expect(absorbed).toEqual({
      CLIENT_MARGIN: 0,
      RISK_CAPITAL: 300,
      GUARANTEE_FUND: 100,
      JUNIOR_TRANCHE: 100,
      SENIOR_TRANCHE: 0,
    });
    expect(kpis.guaranteeFundSufficient).toBe(false);
    // Loans of the liquidated accounts 80,000 + 9,500; 500 of C's lost.
    expect(kpis.recoveryRate).toBeCloseTo(89_000 / 89_500, 9);
  });

  it("bands margin levels at the worst step and at the end", () => {
    const { labels, worst, end } = series.marginLevelBands;
    const at = (list: number[], label: string) => list[labels.indexOf(label)];
    // Worst: A 0.758, B 55.7, C -0.463. End: A 7,979.25 / 5,280 = 1.511.
    expect([at(worst, "0.5-1.0"), at(worst, ">= 3"), at(worst, "< 0")]).toEqual([1, 1, 1]);
    expect([at(end, "1.5-2"), at(end, ">= 3"), at(end, "< 0")]).toEqual([1, 1, 1]);
  });

  it("does not touch the snapshot it started from", () => {
    const sb = handBook();
    simulateRun(sb, [step]);
    expect([...sb.book.posQty]).toEqual([10_000, 1_000, 1_000]);
    expect([...sb.prices]).toEqual([10, 10]);
  });

  it("with a sufficient guarantee fund, says so", () => {
    const sb = {
      ...handBook(),
      waterfall: { RISK_CAPITAL: 300, GUARANTEE_FUND: 200, JUNIOR_TRANCHE: 0, SENIOR_TRANCHE: 0 },
    };
    const r = simulateRun(sb, [step]).kpis;
    expect(r.guaranteeFundSufficient).toBe(true);
    expect(r.unabsorbed).toBe(0);
  });
});
