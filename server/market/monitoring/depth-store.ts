// M3: per-minute depth snapshots (the 5-level book at each bar close), bulk inserted in one
// statement per chunk with unnest() of arrays, and the retention job for bars and snapshots.
import type { SqlSession } from "../../db/connection";
import type { PrismaClient } from "../../db/generated/client";
import type { Book } from "../types";

export interface DepthRow {
  symbol: string;
  ts: number;
  book: Book;
}

const CHUNK = 2000;

/** Array columns travel as PostgreSQL array literals inside a text[] and are cast per row. */
function arrayLiteral(xs: number[]): string {
  return `{${xs.join(",")}}`;
}

export async function insertDepthSnapshots(sql: SqlSession, rows: readonly DepthRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    await sql.query(
      `INSERT INTO "DepthSnapshot" ("symbolCode", ts, "bidPx", "bidQty", "askPx", "askQty")
       SELECT s, t, bp::float8[], bq::int[], ap::float8[], aq::int[]
       FROM unnest($1::text[], $2::timestamptz[], $3::text[], $4::text[], $5::text[], $6::text[]) AS u(s, t, bp, bq, ap, aq)
       ON CONFLICT DO NOTHING`,
      [
        chunk.map((r) => r.symbol),
        chunk.map((r) => new Date(r.ts).toISOString()),
        chunk.map((r) => arrayLiteral(r.book.bids.map((l) => l.price))),
        chunk.map((r) => arrayLiteral(r.book.bids.map((l) => Math.round(l.qty)))),
        chunk.map((r) => arrayLiteral(r.book.asks.map((l) => l.price))),
        chunk.map((r) => arrayLiteral(r.book.asks.map((l) => Math.round(l.qty)))),
      ],
    );
  }
}

export async function loadDepthSnapshot(sql: SqlSession, symbol: string, ts: number) {
  const rows = await sql.query<{ bidPx: number[]; bidQty: number[]; askPx: number[]; askQty: number[] }>(
    `SELECT "bidPx", "bidQty", "askPx", "askQty" FROM "DepthSnapshot" WHERE "symbolCode" = $1 AND ts = $2`,
    [symbol, new Date(ts)],
  );
  return rows[0] ?? null;
}

export const RETENTION_KEY = "market.retention";
export interface RetentionSetting {
  barDays: number;
  depthDays: number;
}
export const DEFAULT_RETENTION: RetentionSetting = { barDays: 90, depthDays: 7 };

export async function getRetention(prisma: PrismaClient): Promise<RetentionSetting> {
  const row = await prisma.setting.findUnique({ where: { key: RETENTION_KEY } });
  const v = (row?.value ?? {}) as Partial<RetentionSetting>;
  return { barDays: v.barDays ?? DEFAULT_RETENTION.barDays, depthDays: v.depthDays ?? DEFAULT_RETENTION.depthDays };
}

/** Deletes 1m bars and depth snapshots older than the retention (rollups derive from 1m bars). */
export async function applyRetention(
  sql: SqlSession,
  setting: RetentionSetting,
  now: number,
): Promise<{ bars: number; depth: number }> {
  const day = 86_400_000;
  const bars = await sql.query<{ n: number }>(
    `WITH d AS (DELETE FROM "Bar1m" WHERE ts < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [new Date(now - setting.barDays * day)],
  );
  const depth = await sql.query<{ n: number }>(
    `WITH d AS (DELETE FROM "DepthSnapshot" WHERE ts < $1 RETURNING 1) SELECT count(*)::int AS n FROM d`,
    [new Date(now - setting.depthDays * day)],
  );
  return { bars: bars[0]?.n ?? 0, depth: depth[0]?.n ?? 0 };
}
