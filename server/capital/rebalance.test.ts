// C4 rebalancing worked by hand (CNY; the plan is in fen). Five accounts, groupShare 0.4 (two donors,
// two receivers), shiftShare 0.1:
//   A limit 1,000,000 debt 500,000 ES contribution 50,000 -> 0.05 per yuan of limit
//   B limit 1,000,000 debt 950,000 contribution 40,000 -> 0.04
//   C limit 2,000,000 debt 0 contribution 20,000 -> 0.01
//   D limit 500,000 debt 0 contribution 2,500 -> 0.005
//   E limit 1,000,000 debt 0 contribution 1,000 -> 0.001
// RISK: donors A, B; A gives 10% = 100,000; B only 50,000 (its limit may not fall below its 950,000
// debt). 150,000 freed goes to D and E pro rata to 500,000 : 1,000,000 -> 50,000 and 100,000.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { proposeRebalance, type RebalanceAccount } from "./rebalance";

const acc = (code: string, limit: number, debt: number, contribution: number, income = 0): RebalanceAccount => ({
  accountId: `id-${code}`,
  code,
  limitFen: limit * 100,
  debtFen: debt * 100,
  contribution,
  income,
});

const BOOK = [
  acc("A", 1_000_000, 500_000, 50_000, 5_000),
  acc("B", 1_000_000, 950_000, 40_000, 8_000),
  acc("C", 2_000_000, 0, 20_000, 1_000),
  acc("D", 500_000, 0, 2_500, 0),
  acc("E", 1_000_000, 0, -500, 0),
];
const moves = (plan: ReturnType<typeof proposeRebalance>) => plan.map((c) => [c.code, c.fromFen / 100, c.toFen / 100]);

describe("C4 rebalancing", () => {
  it("RISK mode moves limit from the most risk per yuan of limit to the least, never below the debt", () => {
    const book = BOOK.map((a) => (a.code === "E" ? { ...a, contribution: 1_000 } : a));
    expect(moves(proposeRebalance(book, { mode: "RISK", shiftShare: 0.1, groupShare: 0.4 }))).toEqual([
      ["A", 1_000_000, 900_000],
      ["B", 1_000_000, 950_000],
      ["D", 500_000, 550_000],
      ["E", 1_000_000, 1_100_000],
    ]);
  });

  it("RETURN_RISK mode: no income on risk ranks worst, a hedge (negative contribution) best", () => {
    // Income per unit of risk: A 0.1, B 0.2, C 0.05, D 0 (worst), E hedges (best).
    // Donors D (gives 50,000) and C (200,000); receivers B and E, 1,000,000 each: 125,000 each.
    expect(moves(proposeRebalance(BOOK, { mode: "RETURN_RISK", shiftShare: 0.1, groupShare: 0.4 }))).toEqual([
      ["D", 500_000, 450_000],
      ["C", 2_000_000, 1_800_000],
      ["B", 1_000_000, 1_125_000],
      ["E", 1_000_000, 1_125_000],
    ]);
  });

  it("nothing to move: too few accounts for a group, or donors fully drawn", () => {
    expect(proposeRebalance(BOOK.slice(0, 2), { mode: "RISK", shiftShare: 0.1, groupShare: 0.4 })).toEqual([]);
    const drawn = BOOK.map((a) => ({ ...a, debtFen: a.limitFen }));
    expect(proposeRebalance(drawn, { mode: "RISK", shiftShare: 0.1, groupShare: 0.4 })).toEqual([]);
    expect(() => proposeRebalance(BOOK, { mode: "RISK", shiftShare: 0.6, groupShare: 0.2 })).toThrow(RangeError);
  });

  it("property: the total limit is unchanged to the fen, no donor falls below its debt, no one is in both groups", () => {
    const account = fc.record({
      limit: fc.integer({ min: 1, max: 1e12 }),
      debtShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
      contribution: fc.double({ min: -1e6, max: 1e8, noNaN: true }),
      income: fc.double({ min: 0, max: 1e6, noNaN: true }),
    });
    fc.assert(
      fc.property(
        fc.array(account, { minLength: 0, maxLength: 60 }),
        fc.constantFrom("RISK" as const, "RETURN_RISK" as const),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        fc.double({ min: 0.01, max: 0.5, noNaN: true }),
        (rows, mode, shiftShare, groupShare) => {
          const book = rows.map((r, i) => ({
            accountId: `a${i}`,
            code: `C${String(i).padStart(3, "0")}`,
            limitFen: r.limit,
            debtFen: Math.floor(r.limit * r.debtShare),
            contribution: r.contribution,
            income: r.income,
          }));
          const plan = proposeRebalance(book, { mode, shiftShare, groupShare });
          const delta = plan.reduce((s, c) => s + (c.toFen - c.fromFen), 0);
          expect(delta).toBe(0);
          expect(new Set(plan.map((c) => c.accountId)).size).toBe(plan.length);
          for (const c of plan) {
            const a = book.find((b) => b.accountId === c.accountId)!;
            expect(c.fromFen).toBe(a.limitFen);
            expect(Number.isInteger(c.toFen)).toBe(true);
            if (c.toFen < c.fromFen) expect(c.toFen).toBeGreaterThanOrEqual(Math.min(a.debtFen, a.limitFen));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
