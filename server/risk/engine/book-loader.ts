// Loads the book for the tick from the database with plain SQL (one query per table, no ORM
// walk), and the cheap per-tick refreshes: balances, and a signature of the positions that tells
// the engine when to reload them (no trading yet: they change rarely).
import type { SqlSession } from "../../db/connection";
import type { AccountRow, SymbolRow } from "./book-columns";

export async function loadBookRows(sql: SqlSession): Promise<{ symbols: SymbolRow[]; accounts: AccountRow[] }> {
  const symbols = await sql.query<{ code: string; assetClass: string; liquidityTier: string; avgDailyValue: number; prevClose: number }>(
    `SELECT code, "assetClass", "liquidityTier", "avgDailyValue", "prevClose" FROM "Symbol"`,
  );
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

export async function loadPositionSignature(sql: SqlSession): Promise<string> {
  const rows = await sql.query<{ n: number; q: string | number; a: number }>(
    `SELECT count(*)::int AS n, coalesce(sum(qty), 0)::float8 AS q, count(DISTINCT "accountId")::int AS a FROM "Position"`,
  );
  const r = rows[0];
  return r ? `${r.n}:${Number(r.q)}:${r.a}` : "0:0:0";
}

/** Closes of the last `minutes` minutes per symbol, oldest first (seeds the EWMA at start). */
export async function loadRecentCloses(sql: SqlSession, minutes: number): Promise<Array<{ symbolCode: string; close: number }>> {
  const rows = await sql.query<{ symbolCode: string; close: number }>(
    `SELECT "symbolCode", close FROM "Bar1m"
     WHERE ts >= (SELECT max(ts) FROM "Bar1m") - ($1::int * interval '1 minute')
     ORDER BY "symbolCode", ts`,
    [minutes],
  );
  return rows.map((r) => ({ symbolCode: r.symbolCode, close: Number(r.close) }));
}
