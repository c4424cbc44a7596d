// Hand-worked plans (R5) with the default risk parameters (MAIN_BOARD base 0.12, target ML 1.5) and the
// default fees: commission 0.025% (min 5 CNY), stamp duty 0.05%, transfer fee 0.001%, each to the fen.
// Position A: 10,000 shares at 10 CNY, adv 1e9 (share 1e-4: size x1), sigma below sigmaRef: m = 0.12.
import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_PARAMS as P, RiskInputError } from "../../risk/margin/risk-params";
import { computeSellFees } from "./fees";
import { planLiquidationNaively } from "./naive-planner";
import { planLiquidation } from "./plan-liquidation";
import { DEFAULT_PLANNER_PARAMS as PP } from "./planner-params";
import { computePriorityScore } from "./priority";
import { createSalePricer } from "./slippage";
import type { PlannerPosition } from "./types";

const pos = (o: Partial<PlannerPosition> = {}): PlannerPosition => ({
  symbol: "A",
  qty: 10_000,
  price: 10,
  assetClass: "MAIN_BOARD",
  liquidityTier: "T1",
  sigma: 0.001,
  adv: 1e9,
  sellableQty: 10_000,
  hedged: 0,
  feeContribution: 0,
  book: { bids: [[10, 1_000_000]] },
  ...o,
});

describe("fees (R5: fees reduce proceeds)", () => {
  it("1,000,000 CNY: commission 250, stamp duty 500, transfer 10", () => {
    expect(computeSellFees(1_000_000, PP.fees)).toEqual({
      commission: 250,
      stampDuty: 500,
      transferFee: 10,
      total: 760,
    });
  });
  it("1,000 CNY: the 5 CNY commission minimum applies; stamp 0.50, transfer 0.01", () => {
    expect(computeSellFees(1000, PP.fees)).toEqual({ commission: 5, stampDuty: 0.5, transferFee: 0.01, total: 5.51 });
  });
});

describe("slippage (R5)", () => {
  it("walks the bids: 2,500 over 1,000@10, 1,000@9.9, 5,000@9.8 -> avg 9.92, 80 bps", () => {
    const q = createSalePricer(
      10,
      0.002,
      9.8e6,
      [
        [10, 1000],
        [9.9, 1000],
        [9.8, 5000],
      ],
      PP.impact,
    ).quote(2500);
    expect(q.gross).toBeCloseTo(24_800, 9); // 10,000 + 9,900 + 4,900
    expect(q.avgPrice).toBeCloseTo(9.92, 12);
    expect(q.slippageBps).toBeCloseTo(80, 9);
  });
  it("beyond the visible depth the remainder takes the square-root impact from the worst bid", () => {
    // 1,000 shares past 7,000 visible: share of ADV 1,000 * 9.8 / 9.8e6 = 0.001;
    // s = 1 * 0.002 * sqrt(240) * sqrt(0.001) = 0.002 * sqrt(0.24) = 0.000979796; price 9.8 * (1 - s)
    const q = createSalePricer(
      10,
      0.002,
      9.8e6,
      [
        [10, 1000],
        [9.9, 1000],
        [9.8, 5000],
      ],
      PP.impact,
    ).quote(8000);
    expect(q.gross).toBeCloseTo(68_900 + 1000 * 9.8 * (1 - 0.002 * Math.sqrt(0.24)), 6);
  });
  it("no book: square-root impact on the mark, capped at 10%", () => {
    // 10,000 shares at 10 vs adv 1e6: share 0.1; s = 0.002 * sqrt(240) * sqrt(0.1) = 0.002 * sqrt(24) = 0.0097980
    const q = createSalePricer(10, 0.002, 1e6, undefined, PP.impact).quote(10_000);
    expect(q.slippageBps).toBeCloseTo(0.002 * Math.sqrt(24) * 10_000, 6);
    expect(createSalePricer(10, 0.05, 1e6, undefined, PP.impact).quote(10_000).slippageBps).toBeCloseTo(1000, 9);
  });
});

describe("priority score (R5)", () => {
  it("weights 0.3 / 0.3 / 0.3 / 0.1: 5% of ADV, 50 bps, half hedged, a quarter of the fees", () => {
    // 0.3 x min(1, 0.05 / 0.1) + 0.3 x min(1, 50 / 200) + 0.3 x (1 - 0.5) - 0.1 x 0.25 = 0.15 + 0.075 + 0.15 - 0.025
    expect(
      computePriorityScore({ shareOfAdv: 0.05, fullSaleSlippageBps: 50, hedged: 0.5, feeShare: 0.25 }, PP),
    ).toBeCloseTo(0.35, 12);
    // features saturate at 1: 30% of ADV and 900 bps count as 0.1 and 200 bps would
    expect(computePriorityScore({ shareOfAdv: 0.3, fullSaleSlippageBps: 900, hedged: 0, feeShare: 0 }, PP)).toBeCloseTo(
      0.9,
      12,
    );
  });
});

describe("planLiquidation, worked by hand", () => {
  it("debt 90,000: sells 4,500 shares, the fewest whole lots that restore ML 1.5", () => {
    // E = 10,000, MM = 12,000, ML 0.833. Selling x at 10: E' = 10,000 - fees, MM' = 1.2 (10,000 - x);
    // E' >= 1.5 MM' <=> 1.8 x >= 8,000 + fees. x = 4,400: fees 11.00 + 22.00 + 0.44 = 33.44, 7,920 < 8,033.44.
    // x = 4,500: fees 11.25 + 22.50 + 0.45 = 34.20, 8,100 >= 8,034.20.
    const plan = planLiquidation({ cash: 0, debt: 90_000, positions: [pos()] }, P, PP);
    expect(plan.before.status).toBe("LIQUIDATION");
    expect(plan.reachable).toBe(true);
    expect(plan.legs).toHaveLength(1);
    const leg = plan.legs[0]!;
    expect(leg.qty).toBe(4500);
    expect(leg.fees).toEqual({ commission: 11.25, stampDuty: 22.5, transferFee: 0.45, total: 34.2 });
    expect(leg.netProceeds).toBeCloseTo(44_965.8, 9);
    expect(plan.repaidDebt).toBeCloseTo(44_965.8, 9);
    expect(plan.projected.debt).toBeCloseTo(45_034.2, 9);
    expect(plan.projected.cash).toBe(0);
    expect(plan.projected.equity).toBeCloseTo(9965.8, 9);
    expect(plan.projected.maintenanceMargin).toBeCloseTo(6600, 9);
    expect(plan.projected.marginLevel).toBeCloseTo(9965.8 / 6600, 12);
    expect(plan.projected.status).toBe("HEALTHY");
    expect(plan.shortfall).toBe(0);
  });

  it("debt 105,000 (E = -5,000): sells everything, shortfall 5,076 (the negative equity after fees)", () => {
    // gross 100,000: fees 25 + 50 + 1 = 76; debt' = 105,000 - 99,924 = 5,076; E' = -5,076; MM' = 0
    const plan = planLiquidation({ cash: 0, debt: 105_000, positions: [pos()] }, P, PP);
    expect(plan.before.status).toBe("HARD_FLOOR");
    expect(plan.reachable).toBe(false);
    expect(plan.legs.map((l) => l.qty)).toEqual([10_000]);
    expect(plan.projected.equity).toBeCloseTo(-5076, 9);
    expect(plan.projected.marginLevel).toBeNull();
    expect(plan.projected.status).toBe("HARD_FLOOR");
    expect(plan.shortfall).toBeCloseTo(5076, 9);
  });

  it("T+1: 4,000 shares bought today are cannot-close at a 10% haircut; 6,000 sold, shortfall 525.60", () => {
    // Baseline value 6,000 * 10 + 4,000 * 9 = 96,000; selling all 6,000: fees 15 + 30 + 0.60 = 45.60;
    // E' = 96,000 - 45.60 - 90,000... = 6,000 - 45.60 = 5,954.40; MM' = 0.12 * 36,000 = 4,320;
    // shortfall = 1.5 * 4,320 - 5,954.40 = 525.60
    const plan = planLiquidation({ cash: 0, debt: 90_000, positions: [pos({ sellableQty: 6000 })] }, P, PP);
    expect(plan.reachable).toBe(false);
    expect(plan.legs.map((l) => l.qty)).toEqual([6000]);
    expect(plan.cannotClose).toEqual([
      { symbol: "A", qty: 4000, reason: "T_PLUS_ONE", haircut: 0.1, haircutValue: 4000 },
    ]);
    expect(plan.projected.equity).toBeCloseTo(5954.4, 9);
    expect(plan.projected.maintenanceMargin).toBeCloseTo(4320, 9);
    expect(plan.shortfall).toBeCloseTo(525.6, 9);
  });

  it("suspended, limit-down and bid-less positions are skipped; the sellable one is sold", () => {
    const plan = planLiquidation(
      {
        cash: 0,
        debt: 370_000,
        positions: [
          pos({ symbol: "S", suspended: true }),
          pos({ symbol: "L", limitDown: true }),
          pos({ symbol: "N", book: { bids: [] } }),
          pos({ symbol: "OK" }),
        ],
      },
      P,
      PP,
    );
    expect(plan.cannotClose.map((c) => [c.symbol, c.reason])).toEqual([
      ["S", "SUSPENDED"],
      ["L", "LIMIT_DOWN"],
      ["N", "NO_BID"],
    ]);
    expect(plan.legs.map((l) => l.symbol)).toEqual(["OK"]);
  });

  it("an unhedged position is sold before an otherwise identical hedged one, a high fee contributor last", () => {
    // scores (weights 0.3 unhedged, 0.1 fee share): U 0.3 - 0.1 * 100/1,100, H 0 - 0.1 * 100/1,100, FEE 0 - 0.1 * 900/1,100
    const plan = planLiquidation(
      {
        cash: 0,
        debt: 270_000,
        positions: [
          pos({ symbol: "FEE", hedged: 1, feeContribution: 900 }),
          pos({ symbol: "H", hedged: 1, feeContribution: 100 }),
          pos({ symbol: "U", feeContribution: 100 }),
        ],
      },
      P,
      PP,
    );
    expect(plan.legs.map((l) => l.symbol)).toEqual(["U", "H"]);
    expect(plan.legs[0]!.qty).toBe(10_000);
    expect(plan.reachable).toBe(true);
  });

  it("an odd lot is sold only with the whole sellable quantity", () => {
    const plan = planLiquidation(
      { cash: 0, debt: 105_000, positions: [pos({ qty: 10_050, sellableQty: 10_050 })] },
      P,
      PP,
    );
    expect(plan.legs.map((l) => l.qty)).toEqual([10_050]);
  });

  it("a healthy account gets no legs", () => {
    const plan = planLiquidation({ cash: 0, debt: 50_000, positions: [pos()] }, P, PP);
    expect(plan.legs).toEqual([]);
    expect(plan.reachable).toBe(true);
  });

  it("agrees with the naive planner that re-evaluates the account after every lot", () => {
    for (const debt of [85_000, 90_000, 95_000, 99_000, 105_000]) {
      const input = {
        cash: 1000,
        debt,
        positions: [
          pos({ symbol: "X", hedged: 1 }),
          pos({
            symbol: "Y",
            book: {
              bids: [
                [10, 3000],
                [9.9, 3000],
                [9.7, 10_000],
              ],
            },
          }),
        ],
      };
      expect(planLiquidation(input, P, PP).legs.map((l) => [l.symbol, l.qty])).toEqual(
        planLiquidationNaively(input, P, PP).legs.map((l) => [l.symbol, l.qty]),
      );
    }
  });

  it("rejects inconsistent positions (RiskInputError)", () => {
    const plan = (p: Partial<PlannerPosition>) => () =>
      planLiquidation({ cash: 0, debt: 1, positions: [pos(p)] }, P, PP);
    expect(plan({ sellableQty: 10_001 })).toThrow(RiskInputError);
    expect(plan({ assetClass: "constructor" })).toThrow(/unknown asset class/);
    expect(plan({ liquidityTier: "toString" })).toThrow(/unknown liquidity tier/);
    expect(
      plan({
        book: {
          bids: [
            [9, 100],
            [10, 100],
          ],
        },
      }),
    ).toThrow(/best/);
    expect(plan({ lotSize: 0 })).toThrow(/lotSize/);
    expect(plan({ hedged: 2 })).toThrow(/hedged/);
  });
});
