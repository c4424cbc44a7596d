// P2 daily reconciliation, the pure layer: parse a custody bank statement (CSV) and match it to
// the ledger's custody movements of the day by reference. Every statement line and every ledger
// movement ends in exactly one item: MATCHED, AMOUNT_MISMATCH, DUPLICATE (a reference more than
// once on the statement), MISSING_IN_LEDGER or MISSING_IN_STATEMENT.
import Decimal from "decimal.js";
import { parse } from "csv-parse/sync";
import { toCsv } from "../csv/to-csv";

export interface StatementLine {
  date: string; // YYYY-MM-DD
  reference: string;
  amount: Decimal; // signed: CREDIT (into custody) > 0, DEBIT < 0
}
export interface LedgerMovement {
  reference: string;
  amount: Decimal; // signed, same convention
}

export type BreakKind = "MATCHED" | "AMOUNT_MISMATCH" | "DUPLICATE" | "MISSING_IN_LEDGER" | "MISSING_IN_STATEMENT";
export interface ReconItem {
  kind: BreakKind;
  reference: string;
  ledgerAmount: Decimal | null;
  statementAmount: Decimal | null;
}

export class StatementFormatError extends Error {}

const HEADER = ["date", "reference", "direction", "amount"];

/** P2: the statement import's size cap, bytes (UTF-8). Bigger files are refused before parsing. */
export const STATEMENT_MAX_BYTES = 5 * 1024 * 1024;

// An amount cell: digits with optional thousands separators ("1,000.00"), at most 2 decimals.
const AMOUNT = /^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$/;

/**
 * CSV (RFC 4180 through csv-parse: quoted fields, "" escapes, a UTF-8 BOM) with the header
 * date,reference,direction,amount; direction CREDIT or DEBIT; amount > 0 in CNY, 2 decimals at most.
 */
export function parseStatementCsv(text: string): StatementLine[] {
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, trim: true, skip_empty_lines: true, relax_column_count: true });
  } catch (err) {
    throw new StatementFormatError(`The file is not valid CSV: ${err instanceof Error ? err.message : String(err)}`);
  }
  const head = rows[0];
  if (!head || head.map((h) => h.toLowerCase()).join(",") !== HEADER.join(",")) {
    throw new StatementFormatError(`The first line must be the header ${HEADER.join(",")}.`);
  }
  const out: StatementLine[] = new Array(rows.length - 1);
  for (let i = 1; i < rows.length; i++) {
    const cells = rows[i] ?? [];
    const line = i + 1;
    if (cells.length !== 4) throw new StatementFormatError(`Line ${line}: expected 4 columns, found ${cells.length}.`);
    const [date = "", reference = "", direction = "", amount = ""] = cells;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new StatementFormatError(`Line ${line}: the date must be YYYY-MM-DD.`);
    if (!reference) throw new StatementFormatError(`Line ${line}: the reference is empty.`);
    if (direction !== "CREDIT" && direction !== "DEBIT")
      throw new StatementFormatError(`Line ${line}: direction must be CREDIT or DEBIT.`);
    if (!AMOUNT.test(amount))
      throw new StatementFormatError(`Line ${line}: the amount must be a positive number with at most 2 decimals.`);
    const value = new Decimal(amount.replace(/,/g, ""));
    out[i - 1] = { date, reference, amount: direction === "CREDIT" ? value : value.neg() };
  }
  return out;
}

export function reconcile(statement: readonly StatementLine[], ledger: readonly LedgerMovement[]): ReconItem[] {
  const byRef = new Map<string, StatementLine[]>();
  for (const s of statement) {
    const seen = byRef.get(s.reference);
    if (seen) seen.push(s);
    else byRef.set(s.reference, [s]);
  }
  const ledgerByRef = new Map<string, LedgerMovement>();
  for (const m of ledger) ledgerByRef.set(m.reference, m);
  const items: ReconItem[] = [];
  for (const [reference, lines] of byRef) {
    const l = ledgerByRef.get(reference) ?? null;
    const first = lines[0];
    if (!first) continue;
    if (lines.length > 1) {
      items.push({ kind: "DUPLICATE", reference, ledgerAmount: l?.amount ?? null, statementAmount: first.amount });
    } else if (!l) {
      items.push({ kind: "MISSING_IN_LEDGER", reference, ledgerAmount: null, statementAmount: first.amount });
    } else {
      items.push({
        kind: l.amount.equals(first.amount) ? "MATCHED" : "AMOUNT_MISMATCH",
        reference,
        ledgerAmount: l.amount,
        statementAmount: first.amount,
      });
    }
  }
  for (const m of ledger) {
    if (!byRef.has(m.reference))
      items.push({
        kind: "MISSING_IN_STATEMENT",
        reference: m.reference,
        ledgerAmount: m.amount,
        statementAmount: null,
      });
  }
  return items;
}

/** Writes a statement in the import format (the demo's statement with planted breaks uses it). */
export function formatStatementCsv(lines: readonly StatementLine[]): string {
  return toCsv(
    HEADER,
    lines.map((l) => [l.date, l.reference, l.amount.isNegative() ? "DEBIT" : "CREDIT", l.amount.abs().toFixed(2)]),
  );
}
