// A custody statement for a day built from the ledger's own movements with planted breaks (one
// movement left out, one amount changed, one line doubled, one unknown credit), for the demo and
// the drills: importing it must show exactly those four breaks.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { formatStatementCsv, type LedgerMovement, type StatementLine } from "./reconciliation";
import { loadCustodyMovements } from "./reconciliation-service";

export function plantBreaks(date: string, movements: readonly LedgerMovement[]): StatementLine[] {
  const sorted = [...movements].sort((a, b) => a.reference.localeCompare(b.reference));
  const lines: StatementLine[] = sorted.map((m) => ({ date, reference: m.reference, amount: m.amount }));
  if (lines.length >= 3) {
    lines.splice(0, 1); // missing on the statement
    const changed = lines[0];
    if (changed) lines[0] = { ...changed, amount: changed.amount.plus(changed.amount.isNegative() ? -100 : 100) }; // amount mismatch
    const dup = lines[1];
    if (dup) lines.push({ ...dup }); // duplicate
  }
  lines.push({ date, reference: `BANK-UNKNOWN-${date.replace(/-/g, "")}`, amount: new Decimal("8888.00") }); // missing in the ledger
  return lines;
}

export async function buildSampleStatement(prisma: PrismaClient, date: string): Promise<string> {
  return formatStatementCsv(plantBreaks(date, await loadCustodyMovements(prisma, date)));
}
