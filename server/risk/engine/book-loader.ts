// Loads the book for the tick from the database with plain SQL (one query per table, no ORM
// walk), the balances alone, and the book version: the BookChange rows that triggers write for
// every statement changing positions or account cash/debt (fills, deposits, withdrawals).
import type { SqlSession } from "../../db/connection";
import type { AccountRow, SymbolRow } from "./book-columns";

export async function loadBookRows(sql: SqlSession): Promise<{ symbols: SymbolRow[]; accounts: AccountRow[] }> {
  const symbols = await sql.query<{
    code: string;
    assetClass: string;
    liquidityTier: string;
    avgDailyValue: number;
    prevClose: number;
  }>(`SELECT code, "assetClass", "liquidityTier", "avgDailyValue", "prevClose" FROM "Symbol"`);
  const accounts = await sql.query<{ id: string; cash: string | number; debt: string | number }>(
    `SELECT id, cash::float8 AS cash, debt::float8 AS debt FROM "Account"`,
  );
  const positions = await sql.query<{ accountId: string; symbolCode: string; qty: number }>(
    `SELECT "accountId", "symbolCode", qty FROM "Position" WHERE qty <> 0`,
  );
  const byId = new Map<string, AccountRow>();
  for (const a of accounts) byId.set(a.id, { id: a.id, cash: Number(a.cash), debt: Number(a.debt), positions: [] });
  for (const p of positions) byId.get(p.accountId)?.positions.push({ symbol: p.symbolCode, qty: Number(p.qty) });
  return {
    symbols: symbols.map((s) => ({ ...s, avgDailyValue: Number(s.avgDailyValue), prevClose: Number(s.prevClose) })),
    accounts: [...byId.values()],
  };
}

export async function loadBalances(sql: SqlSession): Promise<Array<{ id: string; cash: number; debt: number }>> {
  const rows = await sql.query<{ id: string; cash: string | number; debt: string | number }>(
    `SELECT id, cash::float8 AS cash, debt::float8 AS debt FROM "Account"`,
  );
  return rows.map((r) => ({ id: r.id, cash: Number(r.cash), debt: Number(r.debt) }));
}

export interface BookChanges {
  ids: string[]; // BookChange ids (bigint as text), deleted once the engine has committed a state that includes them
  book: boolean; // positions changed or accounts were added/removed: reload everything
  balances: boolean; // cash/debt only
  version: number; // highest id read (the book version this reload reflects)
}

export async function readBookChanges(sql: SqlSession): Promise<BookChanges> {
  const rows = await sql.query<{ id: string; kind: string }>(
    `SELECT id::text AS id, kind FROM "BookChange" ORDER BY id`,
  );
  return {
    ids: rows.map((r) => r.id),
    book: rows.some((r) => r.kind !== "BALANCES"),
    balances: rows.some((r) => r.kind === "BALANCES"),
    version: rows.reduce((max, r) => Math.max(max, Number(r.id)), 0),
  };
}

/**
 * Deletes exactly the rows read: ids come from a sequence in allocation order, not commit order,
 * so "id <= max" could delete a change committed after the read and never reloaded.
 */
export async function forgetBookChanges(sql: SqlSession, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await sql.query(`DELETE FROM "BookChange" WHERE id = ANY(string_to_array($1, ',')::bigint[])`, [ids.join(",")]);
}

/** Closes of the last `minutes` minutes per symbol, oldest first (seeds the EWMA at start). */
export async function loadRecentCloses(
  sql: SqlSession,
  minutes: number,
): Promise<Array<{ symbolCode: string; close: number }>> {
  const rows = await sql.query<{ symbolCode: string; close: number }>(
    `SELECT "symbolCode", close FROM "Bar1m"
     WHERE ts >= (SELECT max(ts) FROM "Bar1m") - ($1::int * interval '1 minute')
     ORDER BY "symbolCode", ts`,
    [minutes],
  );
  return rows.map((r) => ({ symbolCode: r.symbolCode, close: Number(r.close) }));
}
