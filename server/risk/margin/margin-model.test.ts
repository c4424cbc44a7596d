// Hand-worked examples of the margin model, one per clause (R1-R3), with the defaults
// base MAIN_BOARD 0.12 / GROWTH 0.18, L T1 1 / T2 1.15 / T3 1.35, sigmaRef 0.0015 / 0.0025,
// size tiers <=1% x1, <=5% x1.25, <=10% x1.5, <=25% x2, above x3, imMultiplier 1.5.
import { describe, expect, it } from "vitest";
import {
  classifyStatus,
  evaluateAccount,
  evaluatePosition,
  findSizeMultiplier,
  type PositionInput,
} from "./margin-model";
import { DEFAULT_RISK_PARAMS as P, RiskInputError, diffParams, listParamProblems } from "./risk-params";

const pos = (o: Partial<PositionInput> = {}): PositionInput => ({
  symbol: "600000.SH",
  qty: 1000,
  price: 10,
  assetClass: "MAIN_BOARD",
  liquidityTier: "T1",
  sigma: 0.001,
  adv: 10_000_000,
  ...o,
});

describe("R1-R3 one position", () => {
  it("MV 10,000, m 0.12: MM 1,200, IM 1,800, ML 2.5, coverage 4/3", () => {
    // A = 2,000 + 10,000 = 12,000; E = 12,000 - 9,000 = 3,000; ML = 3,000 / 1,200 = 2.5
    const r = evaluateAccount({ cash: 2000, debt: 9000, positions: [pos()] }, P);
    expect(r.marketValue).toBe(10_000);
    expect(r.assets).toBe(12_000);
    expect(r.equity).toBe(3000);
    expect(r.maintenanceMargin).toBeCloseTo(1200, 9);
    expect(r.initialMargin).toBeCloseTo(1800, 9);
    expect(r.marginLevel).toBeCloseTo(2.5, 12);
    expect(r.coverageRatio).toBeCloseTo(12_000 / 9000, 12);
    expect(r.status).toBe("HEALTHY");
    expect(r.positions[0]?.maxLeverage).toBeCloseTo(1 / 0.18, 12); // im_i = 0.12 x 1.5
    expect(r.fundingAddOnBps).toBe(0);
  });

  it("volatility multiplier: sigma 0.003 against 0.0015 doubles the rate to 0.24", () => {
    const p = evaluatePosition(pos({ sigma: 0.003 }), P);
    expect(p.volMultiplier).toBe(2);
    expect(p.m).toBeCloseTo(0.24, 12);
    expect(p.mm).toBeCloseTo(2400, 9);
    // funding add-on: MV-weighted (V - 1) = 1 -> 200 bps
    expect(evaluateAccount({ cash: 0, debt: 0, positions: [pos({ sigma: 0.003 })] }, P).fundingAddOnBps).toBe(200);
  });

  it("M6 symbol multiplier multiplies the rate (x2 -> 0.24)", () => {
    expect(evaluatePosition(pos({ marginMultiplier: 2 }), P).m).toBeCloseTo(0.24, 12);
  });

  it("clamps at 1: GROWTH T3, V 4, size x3 gives 0.18 x 1.35 x 4 x 3 = 2.916 -> 1", () => {
    const p = evaluatePosition(pos({ assetClass: "GROWTH", liquidityTier: "T3", sigma: 0.01, adv: 20_000 }), P);
    expect(p.volMultiplier).toBe(4);
    expect(p.sizeMultiplier).toBe(3);
    expect(p.m).toBe(1);
    expect(p.imRate).toBe(1);
    expect(p.maxLeverage).toBe(1);
  });

  it("never goes below the base rate (floor of the clamp)", () => {
    const p = evaluatePosition(pos({ liquidityTier: "X" }), { ...P, liquidityMultiplier: { X: 0.5 } });
    expect(p.m).toBe(0.12);
  });
});

describe("R2 size tiers by share of ADV: each boundary", () => {
  const cases: Array<[number, number]> = [
    [0, 1],
    [0.01, 1],
    [0.010001, 1.25],
    [0.05, 1.25],
    [0.050001, 1.5],
    [0.1, 1.5],
    [0.100001, 2],
    [0.25, 2],
    [0.250001, 3],
    [7, 3],
  ];
  it.each(cases)("share %f -> x%f", (share, mult) => expect(findSizeMultiplier(P.sizeTiers, share)).toBe(mult));
  it("a position at 5% of ADV: MV 10,000 / ADV 200,000 -> x1.25, m = 0.15", () => {
    const p = evaluatePosition(pos({ adv: 200_000 }), P);
    expect(p.shareOfAdv).toBe(0.05);
    expect(p.m).toBeCloseTo(0.15, 12);
  });
});

describe("R1-R3 several positions", () => {
  it("MAIN T1 10,000 (m 0.12) + GROWTH T2 20,000 at 2% of ADV (m 0.18 x 1.15 x 1.25 = 0.25875)", () => {
    const r = evaluateAccount(
      {
        cash: 0,
        debt: 25_000,
        positions: [
          pos(),
          pos({
            symbol: "300750.SZ",
            qty: 500,
            price: 40,
            assetClass: "GROWTH",
            liquidityTier: "T2",
            sigma: 0.0025,
            adv: 1_000_000,
          }),
        ],
      },
      P,
    );
    expect(r.positions[1]?.m).toBeCloseTo(0.25875, 12);
    expect(r.maintenanceMargin).toBeCloseTo(1200 + 5175, 9);
    expect(r.equity).toBe(5000);
    expect(r.marginLevel).toBeCloseTo(5000 / 6375, 12); // 0.7843
    expect(r.coverageRatio).toBeCloseTo(1.2, 12);
    expect(r.status).toBe("LIQUIDATION");
  });
});

describe("edge cases", () => {
  it("zero debt: coverage is null", () => {
    const r = evaluateAccount({ cash: 500, debt: 0, positions: [pos()] }, P);
    expect(r.coverageRatio).toBeNull();
    expect(r.status).toBe("HEALTHY");
  });
  it("no positions: no margin required, margin level null", () => {
    const r = evaluateAccount({ cash: 500, debt: 100, positions: [] }, P);
    expect(r.marginLevel).toBeNull();
    expect(r.status).toBe("HEALTHY");
  });
  it("negative equity with debt is HARD_FLOOR", () => {
    const r = evaluateAccount({ cash: 0, debt: 12_000, positions: [pos()] }, P);
    expect(r.equity).toBe(-2000);
    expect(r.status).toBe("HARD_FLOOR");
  });
  it("equity exactly 0 with debt is HARD_FLOOR even without positions", () => {
    expect(evaluateAccount({ cash: 100, debt: 100, positions: [] }, P).status).toBe("HARD_FLOOR");
  });
  it("rejects negative quantities and prices and unknown classes with a clear message", () => {
    expect(() => evaluatePosition(pos({ qty: -1 }), P)).toThrow(RiskInputError);
    expect(() => evaluatePosition(pos({ price: -1 }), P)).toThrow(/price must be zero or more/);
    expect(() => evaluatePosition(pos({ assetClass: "BOND" }), P)).toThrow(/unknown asset class "BOND"/);
    expect(() => evaluatePosition(pos({ liquidityTier: "T9" }), P)).toThrow(/unknown liquidity tier "T9"/);
  });
});

describe("R3 status exactly at each line", () => {
  const L = P.lines;
  it.each([
    [1.3, "HEALTHY"],
    [1.2999999, "WARNING"],
    [1.0, "WARNING"],
    [0.9999999, "LIQUIDATION"],
    [0.5, "LIQUIDATION"],
    [0.4999999, "HARD_FLOOR"],
  ] as const)("ML %f -> %s", (ml, status) => expect(classifyStatus(1, 1, ml, L)).toBe(status));
  it("an account at ML exactly 1.3 (E 1,560 / MM 1,200) is HEALTHY; one yuan less debt-covered is WARNING", () => {
    expect(evaluateAccount({ cash: 0, debt: 8440, positions: [pos()] }, P).status).toBe("HEALTHY");
    expect(evaluateAccount({ cash: 0, debt: 8441, positions: [pos()] }, P).status).toBe("WARNING");
  });
});

describe("parameter validation and diff", () => {
  it("accepts the defaults", () => expect(listParamProblems(P)).toEqual([]));
  it("rejects non-ascending size tiers and lines out of order", () => {
    expect(
      listParamProblems({
        ...P,
        sizeTiers: [
          [0.05, 1],
          [0.01, 2],
          [null, 3],
        ],
      }).join(),
    ).toMatch(/strictly ascending/);
    expect(
      listParamProblems({
        ...P,
        sizeTiers: [
          [null, 1],
          [0.01, 2],
        ],
      }).join(),
    ).toMatch(/only the last tier/);
    expect(listParamProblems({ ...P, lines: { ...L(), liquidation: 1.4 } }).join()).toMatch(
      /hardFloor < liquidation < warning < target/,
    );
  });
  it("diffs leaf by leaf", () => {
    expect(diffParams(P, { ...P, imMultiplier: 2, base: { ...P.base, GROWTH: 0.2 } })).toEqual([
      { path: "base.GROWTH", from: 0.18, to: 0.2 },
      { path: "imMultiplier", from: 1.5, to: 2 },
    ]);
  });
});

function L() {
  return P.lines;
}
