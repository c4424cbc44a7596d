// The statement import and the exports as a spreadsheet user sees them: quoted fields, thousands
// separators, a BOM, formula cells; every exported CSV parses back to the same cells.
import Decimal from "decimal.js";
import fc from "fast-check";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "../csv/to-csv";
import { formatStatementCsv, parseStatementCsv, reconcile, StatementFormatError } from "./reconciliation";

describe("statement CSV import", () => {
  it("a quoted reference loses its quotes and matches the ledger; a quoted 1,000.00 is 1000.00", () => {
    const csv =
      'date,reference,direction,amount\r\n2026-11-24,"DEP-1",CREDIT,"1,000.00"\r\n"2026-11-24","WD-""x""",DEBIT,"12,345,678.9"\r\n';
    const lines = parseStatementCsv(csv);
    expect(lines.map((l) => [l.reference, l.amount.toFixed(2)])).toEqual([
      ["DEP-1", "1000.00"],
      ['WD-"x"', "-12345678.90"],
    ]);
    const items = reconcile(lines.slice(0, 1), [{ reference: "DEP-1", amount: new Decimal("1000") }]);
    expect(items).toMatchObject([{ kind: "MATCHED", reference: "DEP-1" }]);
  });

  it("accepts a UTF-8 BOM and a reference with a comma inside quotes", () => {
    const lines = parseStatementCsv('\uFEFFdate,reference,direction,amount\n2026-11-24,"招商,DEP-9",CREDIT,5\n');
    expect(lines[0]).toMatchObject({ reference: "招商,DEP-9" });
  });

  it("refuses more than 2 decimals, misplaced separators, a wrong column count and broken quoting, naming the line", () => {
    const head = "date,reference,direction,amount\n";
    expect(() => parseStatementCsv(`${head}2026-11-24,D1,CREDIT,0.005\n`)).toThrow(/Line 2: the amount/);
    expect(() => parseStatementCsv(`${head}2026-11-24,D1,CREDIT,"1,00.00"\n`)).toThrow(/Line 2: the amount/);
    expect(() => parseStatementCsv(`${head}2026-11-24,D1,CREDIT\n`)).toThrow(/Line 2: expected 4 columns, found 3/);
    expect(() => parseStatementCsv(`${head}2026-11-24,"D1,CREDIT,5\n`)).toThrow(StatementFormatError);
  });
});

describe("CSV exports", () => {
  it("start with a BOM, keep Chinese text and neutralize formula cells", () => {
    const csv = toCsv(
      ["client", "note"],
      [
        ["张三", '=HYPERLINK("http://x")'],
        ["李四", "+1"],
        ["王五", "@SUM(A1)"],
      ],
    );
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const cells = parse(csv, { bom: true }) as string[][];
    expect(cells).toEqual([
      ["client", "note"],
      ["张三", '\'=HYPERLINK("http://x")'],
      ["李四", "'+1"],
      ["王五", "'@SUM(A1)"],
    ]);
  });

  it("any text round-trips through the export and csv-parse (formula-looking cells gain one leading quote)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: "grapheme" }), { minLength: 2, maxLength: 2 }), { maxLength: 20 }),
        (rows) => {
          const back = parse(toCsv(["a", "b"], rows), { bom: true, relax_column_count: true }) as string[][];
          // Spreadsheets also start a formula at the full-width ＝ ＋ － ＠ (U+FF1D, FF0B, FF0D, FF20).
          const expected = rows.map((r) =>
            r.map((c) => (/^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/.test(c) ? `'${c}` : c)),
          );
          expect(back.slice(1)).toEqual(expected);
        },
      ),
      // The full-width equals sign a CI run once drew: csv-stringify escapes it like "=".
      { numRuns: 200, examples: [[[["", "\uFF1D"]]]] },
    );
  });

  it("the sample statement format imports back", () => {
    const lines = [
      { date: "2026-11-24", reference: "DEP-1", amount: new Decimal("1000.5") },
      { date: "2026-11-24", reference: "WD-2", amount: new Decimal("-3") },
    ];
    expect(parseStatementCsv(formatStatementCsv(lines)).map((l) => l.amount.toFixed(2))).toEqual(["1000.50", "-3.00"]);
  });
});
