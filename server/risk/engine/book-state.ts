// The risk engine's committed state (R4): the book, prices and statuses of the last tick that
// committed, and that tick's figures. A tick builds the next state aside (new arrays, never the
// committed ones) and the engine swaps it in only after the tick's transaction committed, so every
// reader (accounts, heatmap, payment checks) sees prices and figures of one and the same minute.
import type { SqlSession } from "../../db/connection";
import { buildBookColumns, type BookColumns, type SerializedBook } from "./book-columns";
import { loadBalances, loadBookRows } from "./book-loader";
import type { BookFigures, MarketVectors } from "./revalue-book";
import type { RiskTickEvent } from "./tick-event";

export interface TickView {
  minuteTs: number;
  figures: BookFigures;
  version: number; // parameter version
  event: RiskTickEvent;
  mkt: MarketVectors;
}

export interface RecordedBook {
  serialized: SerializedBook;
  digest: string;
  stored: boolean; // the RiskBookSnapshot row of this digest was written by a committed tick
}

export interface EngineState {
  book: BookColumns;
  prices: Float64Array; // last close per symbol in book order
  previous: Uint8Array; // status code per account at the last committed tick
  bookVersion: number; // highest BookChange id this book includes
  recorded: RecordedBook | null; // null until a tick serializes this book
  last: TickView | null;
}

/**
 * Reads positions, balances and symbols into a new book. Prices carry over from the base state for
 * known symbols, else the last stored close, else the previous close; statuses carry over by account id.
 */
export async function loadFullBook(
  sql: SqlSession,
  base: Pick<EngineState, "book" | "prices" | "previous"> | null,
): Promise<{ book: BookColumns; prices: Float64Array; previous: Uint8Array; lastBarTs: number }> {
  const rows = await loadBookRows(sql);
  const book = buildBookColumns(rows.symbols, rows.accounts);
  const closes = await sql.query<{ symbolCode: string; close: number; ts: Date | string }>(
    `SELECT DISTINCT ON ("symbolCode") "symbolCode", close, ts FROM "Bar1m" ORDER BY "symbolCode", ts DESC`,
  );
  let lastBarTs = 0;
  for (const c of closes) lastBarTs = Math.max(lastBarTs, new Date(c.ts).getTime());
  const lastClose = new Map(closes.map((c) => [c.symbolCode, Number(c.close)]));
  const prices = new Float64Array(book.symbols.length);
  for (const s of rows.symbols) {
    const i = book.symbolIndex.get(s.code);
    if (i === undefined) continue;
    const oldI = base?.book.symbolIndex.get(s.code);
    prices[i] = (oldI !== undefined ? base?.prices[oldI] : undefined) ?? lastClose.get(s.code) ?? s.prevClose;
  }
  const previous = new Uint8Array(book.accountIds.length);
  if (base) {
    book.accountIds.forEach((id, a) => {
      const old = base.book.accountIndex.get(id);
      previous[a] = old === undefined ? 0 : (base.previous[old] ?? 0);
    });
  }
  return { book, prices, previous, lastBarTs };
}

/** The same book with fresh cash and debt (new arrays); null when the set of accounts changed. */
export async function loadBalancesInto(sql: SqlSession, book: BookColumns): Promise<BookColumns | null> {
  const rows = await loadBalances(sql);
  if (rows.length !== book.accountIds.length) return null;
  const cash = new Float64Array(book.cash.length);
  const debt = new Float64Array(book.debt.length);
  for (const r of rows) {
    const a = book.accountIndex.get(r.id);
    if (a === undefined) return null;
    cash[a] = r.cash;
    debt[a] = r.debt;
  }
  return { ...book, cash, debt };
}
