// Per-product allocation worked by hand, and the property that products' contributions sum to ES.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocateByProduct, OPENING_BOOK, UNLEVERED } from "./products";

describe("allocateByProduct", () => {
  it("splits each account's contribution by its debt's products", () => {
    // A: debt 1,000 (600 from BANK, the rest 400 the opening book), contribution 50 -> BANK 30, OPENING 20.
    // B: debt 0, contribution 5 -> UNLEVERED 5. C: debt 200 all from INST, contribution 10 -> INST 10.
    const rows = allocateByProduct(
      [
        { accountId: "A", debt: 1000, contribution: 50 },
        { accountId: "B", debt: 0, contribution: 5 },
        { accountId: "C", debt: 200, contribution: 10 },
      ],
      [
        { accountId: "A", product: "BANK", principal: 600 },
        { accountId: "C", product: "INST", principal: 200 },
      ],
    );
    expect(rows).toEqual([
      { product: "BANK", capitalUsed: 600, contribution: 30 },
      { product: OPENING_BOOK, capitalUsed: 400, contribution: 20 },
      { product: "INST", capitalUsed: 200, contribution: 10 },
      { product: UNLEVERED, capitalUsed: 0, contribution: 5 },
    ]);
  });

  it("a denormal debt with no loans keeps its whole contribution (the share is taken before the product)", () => {
    expect(allocateByProduct([{ accountId: "a", debt: 5e-324, contribution: 0.0005 }], [])).toEqual([
      { product: OPENING_BOOK, capitalUsed: 5e-324, contribution: 0.0005 },
    ]);
  });

  it("property: contributions sum to the accounts' total and capital to the debt", () => {
    const acc = fc.record({
      debt: fc.double({ min: 0, max: 1e7, noNaN: true }),
      contribution: fc.double({ min: -1e5, max: 1e6, noNaN: true }),
      loans: fc.array(
        fc.record({ p: fc.constantFrom("S1", "S2", "S3"), principal: fc.double({ min: 0, max: 1e7, noNaN: true }) }),
        {
          maxLength: 4,
        },
      ),
    });
    fc.assert(
      fc.property(fc.array(acc, { maxLength: 40 }), (rows) => {
        const accounts = rows.map((r, i) => ({ accountId: `a${i}`, debt: r.debt, contribution: r.contribution }));
        const loans = rows.flatMap((r, i) =>
          r.loans.map((l) => ({ accountId: `a${i}`, product: l.p, principal: l.principal })),
        );
        const out = allocateByProduct(accounts, loans);
        const total = accounts.reduce((s, a) => s + a.contribution, 0);
        const debt = accounts.reduce((s, a) => s + a.debt, 0);
        expect(out.reduce((s, r) => s + r.contribution, 0)).toBeCloseTo(total, 3);
        expect(out.reduce((s, r) => s + r.capitalUsed, 0)).toBeCloseTo(debt, 3);
      }),
      { numRuns: 300 },
    );
  });
});
