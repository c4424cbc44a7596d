// P2 reconciliation on a statement with planted breaks (one of each kind), and the CSV format.
import Decimal from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatStatementCsv, parseStatementCsv, reconcile, StatementFormatError } from "./reconciliation";
import { plantBreaks } from "./sample-statement";

const m = (reference: string, amount: string) => ({ reference, amount: new Decimal(amount) });

describe("reconciliation", () => {
  it("finds each planted break and matches the rest", () => {
    const ledger = [m("D1", "100.00"), m("D2", "250.50"), m("W1", "-80.00"), m("W2", "-1000.00"), m("D3", "5.00")];
    const csv = [
      "date,reference,direction,amount",
      "2026-11-24,D1,CREDIT,100.00", // matched
      "2026-11-24,D2,CREDIT,250.05", // amount mismatch
      "2026-11-24,W1,DEBIT,80.00", // matched
      "2026-11-24,W1,DEBIT,80.00", // ... twice: duplicate
      "2026-11-24,X9,CREDIT,8888.00", // missing in ledger
      "2026-11-24,D3,CREDIT,5", // matched, no decimals
      // W2 missing on the statement
    ].join("\n");
    const items = reconcile(parseStatementCsv(csv), ledger);
    const byRef = Object.fromEntries(items.map((i) => [i.reference, i.kind]));
    expect(byRef).toEqual({
      D1: "MATCHED",
      D2: "AMOUNT_MISMATCH",
      W1: "DUPLICATE",
      X9: "MISSING_IN_LEDGER",
      D3: "MATCHED",
      W2: "MISSING_IN_STATEMENT",
    });
    expect(items.find((i) => i.reference === "D2")?.statementAmount?.toFixed(2)).toBe("250.05");
  });

  it("the demo statement plants exactly four breaks, one of each kind", () => {
    const ledger = [m("A", "10.00"), m("B", "-20.00"), m("C", "30.00"), m("D", "40.00")];
    const items = reconcile(parseStatementCsv(formatStatementCsv(plantBreaks("2026-11-24", ledger))), ledger);
    expect(
      items
        .filter((i) => i.kind !== "MATCHED")
        .map((i) => i.kind)
        .sort(),
    ).toEqual(["AMOUNT_MISMATCH", "DUPLICATE", "MISSING_IN_LEDGER", "MISSING_IN_STATEMENT"]);
    expect(items.filter((i) => i.kind === "MATCHED").map((i) => i.reference)).toEqual(["D"]);
  });

  it.each([
    ["no header", "2026-11-24,D1,CREDIT,1.00", /header/],
    ["bad date", "date,reference,direction,amount\n24/11/2026,D1,CREDIT,1.00", /Line 2: the date/],
    ["bad direction", "date,reference,direction,amount\n2026-11-24,D1,IN,1.00", /direction/],
    ["negative amount", "date,reference,direction,amount\n2026-11-24,D1,CREDIT,-1.00", /amount/],
    ["three decimals", "date,reference,direction,amount\n2026-11-24,D1,CREDIT,1.005", /amount/],
    ["columns", "date,reference,direction,amount\n2026-11-24,D1,CREDIT", /4 columns/],
  ])("refuses a statement with %s", (_what, csv, msg) => {
    expect(() => parseStatementCsv(csv)).toThrow(StatementFormatError);
    expect(() => parseStatementCsv(csv)).toThrow(msg);
  });
});

describe("reconciliation property (fast-check)", () => {
  it("finds exactly the planted breaks in any statement built from the ledger", () => {
    const movement = fc.record({
      fen: fc.integer({ min: -10_000_000, max: 10_000_000 }).filter((v) => v !== 0),
      plant: fc.constantFrom("none", "drop", "alter", "dup"),
    });
    fc.assert(
      fc.property(fc.array(movement, { maxLength: 40 }), fc.integer({ min: 0, max: 3 }), (ms, unknowns) => {
        const ledger = ms.map((m, i) => ({ reference: `R${i}`, amount: new Decimal(m.fen).div(100) }));
        const lines = [];
        const expected: Record<string, string> = {};
        ms.forEach((m, i) => {
          const l = { date: "2026-11-24", reference: `R${i}`, amount: new Decimal(m.fen).div(100) };
          if (m.plant === "drop") expected[l.reference] = "MISSING_IN_STATEMENT";
          else if (m.plant === "alter") {
            lines.push({ ...l, amount: l.amount.plus("0.01") });
            expected[l.reference] = "AMOUNT_MISMATCH";
          } else if (m.plant === "dup") {
            lines.push(l, l);
            expected[l.reference] = "DUPLICATE";
          } else {
            lines.push(l);
            expected[l.reference] = "MATCHED";
          }
        });
        for (let u = 0; u < unknowns; u++) {
          lines.push({ date: "2026-11-24", reference: `X${u}`, amount: new Decimal(1) });
          expected[`X${u}`] = "MISSING_IN_LEDGER";
        }
        const items = reconcile(parseStatementCsv(formatStatementCsv(lines)), ledger);
        expect(Object.fromEntries(items.map((i) => [i.reference, i.kind]))).toEqual(expected);
        expect(items).toHaveLength(Object.keys(expected).length);
      }),
      { numRuns: 200 },
    );
  });
});
