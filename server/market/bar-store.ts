// M3 storage of one-minute bars: bulk multi-row inserts (one statement per chunk) and range
// reads by symbol. Raw SQL on purpose: this is the engine's hot path.
import type { SqlSession } from "../db/connection";
import type { Bar } from "./types";

const COLUMNS = [
  "symbolCode",
  "ts",
  "open",
  "high",
  "low",
  "close",
  "volume",
  "turnover",
  "vwap",
  "trades",
  "spreadBps",
  "bidDepth",
  "askDepth",
  "imbalance",
  "quality",
] as const;
const CHUNK = 1000; // 15 params a row: well under PostgreSQL's 65,535 parameter limit

export async function insertBars(sql: SqlSession, bars: readonly Bar[]): Promise<number> {
  let inserted = 0;
  for (let start = 0; start < bars.length; start += CHUNK) {
    const chunk = bars.slice(start, start + CHUNK);
    const params: unknown[] = [];
    const rows = chunk.map((b) => {
      const base = params.length;
      params.push(
        b.symbol,
        new Date(b.ts),
        b.open,
        b.high,
        b.low,
        b.close,
        Math.round(b.volume),
        b.turnover,
        b.vwap,
        b.trades,
        b.spreadBps,
        Math.round(b.bidDepth),
        Math.round(b.askDepth),
        b.imbalance,
        b.quality,
      );
      return `(${COLUMNS.map((_, i) => `$${base + i + 1}`).join(",")})`;
    });
    const res = await sql.query<{ n: number }>(
      `WITH ins AS (INSERT INTO "Bar1m" (${COLUMNS.map((c) => `"${c}"`).join(",")}) VALUES ${rows.join(",")}
       ON CONFLICT DO NOTHING RETURNING 1) SELECT count(*)::int AS n FROM ins`,
      params,
    );
    inserted += res[0]?.n ?? 0;
  }
  return inserted;
}

interface BarRow extends Record<string, unknown> {
  symbolCode: string;
  ts: Date | string;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  turnover: number;
  vwap: number;
  trades: number;
  spreadBps: number;
  bidDepth: number;
  askDepth: number;
  imbalance: number;
  quality: string;
}

function toBar(r: BarRow): Bar {
  return {
    symbol: r.symbolCode,
    ts: new Date(r.ts).getTime(),
    open: Number(r.open),
    high: Number(r.high),
    low: Number(r.low),
    close: Number(r.close),
    volume: Number(r.volume),
    turnover: Number(r.turnover),
    vwap: Number(r.vwap),
    trades: Number(r.trades),
    spreadBps: Number(r.spreadBps),
    bidDepth: Number(r.bidDepth),
    askDepth: Number(r.askDepth),
    imbalance: Number(r.imbalance),
    quality: r.quality === "STALE" || r.quality === "GAP" ? r.quality : "OK",
  };
}

/** The most recent `limit` bars of a symbol up to `before` (exclusive), oldest first. */
export async function loadRecentBars(sql: SqlSession, symbol: string, limit: number, before?: number): Promise<Bar[]> {
  const rows = await sql.query<BarRow>(
    `SELECT * FROM "Bar1m" WHERE "symbolCode" = $1 AND ($2::timestamptz IS NULL OR ts < $2)
     ORDER BY ts DESC LIMIT $3`,
    [symbol, before === undefined ? null : new Date(before), limit],
  );
  return rows.map(toBar).reverse();
}

/** Bars of a symbol with ts >= from, oldest first (resuming a live subscription). */
export async function loadBarsSince(sql: SqlSession, symbol: string, from: number): Promise<Bar[]> {
  const rows = await sql.query<BarRow>(
    `SELECT * FROM "Bar1m" WHERE "symbolCode" = $1 AND ts >= $2 ORDER BY ts ASC LIMIT 1000`,
    [symbol, new Date(from)],
  );
  return rows.map(toBar);
}

/** Last stored close per symbol (restart: the simulator continues from there). */
export async function loadLastCloses(sql: SqlSession): Promise<Map<string, { close: number; ts: number }>> {
  const rows = await sql.query<{ symbolCode: string; close: number; ts: Date | string }>(
    `SELECT DISTINCT ON ("symbolCode") "symbolCode", close, ts FROM "Bar1m" ORDER BY "symbolCode", ts DESC`,
  );
  return new Map(rows.map((r) => [r.symbolCode, { close: Number(r.close), ts: new Date(r.ts).getTime() }]));
}
