import { describe, expect, it } from "vitest";
import { computeLcr, maturityLadder, reserveRatio } from "./liquidity";

const none = { OWN_CAPITAL: 0, BANK_CREDIT: 0, INSTITUTIONAL: 0, RETAIL_POOL: 0 };

describe("computeLcr (BCBS 238 with the default assumptions)", () => {
  const base = {
    hqla: { LEVEL1: 100, LEVEL2A: 50, LEVEL2B: 40 },
    // run-offs: bank 40 x 100% = 40, institutional 50 x 40% = 20, retail 100 x 10% = 10, own 500 x 0% = 0
    fundingDue30d: { OWN_CAPITAL: 500, BANK_CREDIT: 40, INSTITUTIONAL: 50, RETAIL_POOL: 100 },
    undrawnClientCredit: 200, // x 10% = 20
    loanRepaymentsDue30d: 60, // x 50% = 30, under the cap 75% x 90
  };

  it("works the uncapped example by hand: HQLA 162.5, net outflows 60, LCR 2.708", () => {
    // Haircuts: 100, 50 x 0.85 = 42.5, 40 x 0.5 = 20. 15% cap: max(20 - 15/85 x 142.5, 20 - 15/60 x 100, 0) = 0;
    // 40% cap: max(42.5 + 20 - 2/3 x 100, 0) = 0. Outflows 40 + 20 + 10 + 0 + 20 = 90; inflows 30; net 60.
    const r = computeLcr(base);
    expect(r.hqla).toBeCloseTo(162.5, 10);
    expect(r.capAdjustment).toBe(0);
    expect(r.outflows).toBeCloseTo(90, 10);
    expect(r.inflows).toBeCloseTo(30, 10);
    expect(r.netOutflows).toBeCloseTo(60, 10);
    expect(r.lcr).toBeCloseTo(162.5 / 60, 10);
    expect(r.paramVersion).toBe(0); // the built-in assumptions; approved versions count from 1
  });

  it("caps level 2 assets at 40% of HQLA and 2B at 15%: 30 / 60 / 40 gives 50", () => {
    // After haircuts 30, 51, 20. adj15 = max(20 - 15/85 x 81 = 5.71, 20 - 15/60 x 30 = 12.5, 0) = 12.5;
    // adj40 = max(51 + 20 - 12.5 - 2/3 x 30, 0) = 38.5; HQLA = 101 - 51 = 50 (level 2 = 20 = 40% of 50).
    const r = computeLcr({ ...base, hqla: { LEVEL1: 30, LEVEL2A: 60, LEVEL2B: 40 } });
    expect(r.hqla).toBeCloseTo(50, 10);
    expect(r.capAdjustment).toBeCloseTo(51, 10);
  });

  it("counts inflows only up to 75% of outflows", () => {
    // repayments 200 x 50% = 100 > 0.75 x 90 = 67.5 -> net 22.5
    const r = computeLcr({ ...base, loanRepaymentsDue30d: 200 });
    expect(r.inflows).toBeCloseTo(67.5, 10);
    expect(r.netOutflows).toBeCloseTo(22.5, 10);
  });

  it("uses the assumptions of the version it is given", () => {
    const r = computeLcr(base, {
      version: 2,
      haircut: { LEVEL1: 0, LEVEL2A: 0.15, LEVEL2B: 0.5 },
      runOff: { OWN_CAPITAL: 0, BANK_CREDIT: 1, INSTITUTIONAL: 1, RETAIL_POOL: 0.2 },
      undrawnDrawdown: 0.1,
      inflowRate: 0.5,
      inflowCap: 0.75,
      minLcr: 1,
      minReserveRatio: 0.1,
    });
    // outflows 40 + 50 + 20 + 20 = 130; inflows 30; net 100
    expect(r.netOutflows).toBeCloseTo(100, 10);
    expect(r.paramVersion).toBe(2);
  });

  it("has no ratio without net outflows", () => {
    expect(computeLcr({ ...base, fundingDue30d: none, undrawnClientCredit: 0 }).lcr).toBeNull();
  });
});

describe("reserveRatio", () => {
  it("reserves over funding drawn", () => {
    expect(reserveRatio(15, 150)).toBeCloseTo(0.1, 12);
    expect(reserveRatio(15, 0)).toBeNull();
  });
});

describe("maturityLadder", () => {
  it("buckets by days (bounds inclusive) and works the gaps by hand", () => {
    const rows = maturityLadder([
      { side: "FUNDING", amount: 100, days: 0 }, // overnight
      { side: "LENDING", amount: 30, days: 5 }, // 1 week
      { side: "FUNDING", amount: 50, days: 7 }, // 1 week (bound)
      { side: "LENDING", amount: 80, days: 8 }, // 1 month
      { side: "FUNDING", amount: 20, days: 30 }, // 1 month (bound)
      { side: "LENDING", amount: 200, days: 31 }, // 3 months
      { side: "LENDING", amount: 10, days: 91 }, // 3 months (bound)
      { side: "FUNDING", amount: 300, days: 365 }, // longer
    ]);
    expect(rows).toEqual([
      { bucket: "OVERNIGHT", lending: 0, funding: 100, gap: -100, cumulativeGap: -100 },
      { bucket: "WEEK_1", lending: 30, funding: 50, gap: -20, cumulativeGap: -120 },
      { bucket: "MONTH_1", lending: 80, funding: 20, gap: 60, cumulativeGap: -60 },
      { bucket: "MONTH_3", lending: 210, funding: 0, gap: 210, cumulativeGap: 150 },
      { bucket: "LONGER", lending: 0, funding: 300, gap: -300, cumulativeGap: -150 },
    ]);
  });
  it("refuses negative amounts or days", () => {
    expect(() => maturityLadder([{ side: "LENDING", amount: -1, days: 1 }])).toThrow(RangeError);
  });
});
