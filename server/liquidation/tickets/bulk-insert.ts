// Bulk inserts for the bar close's many tickets: one statement per table, the rows sent as a single
// JSON parameter and expanded by json_populate_recordset (typed by the table itself). Prisma's
// createMany binds every field as its own parameter, which measured several times slower here with
// 1,000 tickets (see scripts/bench-liquidation-desk.ts).
import type { Tx } from "../../ledger/ledger-service";

const quote = (c: string) => `"${c.replace(/"/g, '""')}"`;

/** Inserts `rows` (plain JSON values: dates as ISO strings) into `table`, only the named columns. */
export async function insertRowsAsJson(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = columns.map(quote).join(", ");
  await tx.$executeRawUnsafe(
    `INSERT INTO ${quote(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${quote(table)}, $1::json)`,
    JSON.stringify(rows),
  );
}

/** The same, returning the named columns of the inserted rows (e.g. generated ids). */
export async function insertRowsAsJsonReturning<T>(
  tx: Tx,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
  returning: readonly string[],
): Promise<T[]> {
  if (rows.length === 0) return [];
  const cols = columns.map(quote).join(", ");
  return tx.$queryRawUnsafe<T[]>(
    `INSERT INTO ${quote(table)} (${cols}) SELECT ${cols} FROM json_populate_recordset(NULL::${quote(table)}, $1::json) RETURNING ${returning.map(quote).join(", ")}`,
    JSON.stringify(rows),
  );
}
