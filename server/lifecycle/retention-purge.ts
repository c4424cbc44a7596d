// Data lifecycle (issue 14): deletes recorded risk and market history older than the replay
// horizon, in small batches (each its own short statement, so the engine's minute tick never waits
// behind one long delete). A book snapshot goes only when no kept tick and no kept delta refers to
// it, and the newest full book (the engine's delta base) always stays, so every kept minute still
// replays. The audit chain is not touched here: AuditEvents are never deleted.
import type { SqlSession } from "../db/connection";

export interface PurgeCounts {
  riskTicks: number;
  riskDecisions: number;
  marketAlerts: number;
  bookSnapshots: number;
}

export const DEFAULT_PURGE_BATCH = 5000;

/** Runs `DELETE ... LIMIT batch` until a batch deletes fewer rows than the limit; returns the total. */
async function inBatches(sql: SqlSession, deleteBatch: string, params: unknown[], batch: number): Promise<number> {
  let total = 0;
  for (;;) {
    const [row] = await sql.query<{ n: number }>(
      `WITH d AS (${deleteBatch} RETURNING 1) SELECT count(*)::int AS n FROM d`,
      [...params, batch],
    );
    const n = Number(row?.n ?? 0);
    total += n;
    if (n < batch) return total;
  }
}

const SNAPSHOTS_UNREFERENCED = `DELETE FROM "RiskBookSnapshot" WHERE digest IN (
  SELECT s.digest FROM "RiskBookSnapshot" s
  WHERE NOT EXISTS (SELECT 1 FROM "RiskTick" t WHERE t."bookDigest" = s.digest)
    AND NOT EXISTS (SELECT 1 FROM "RiskBookSnapshot" d WHERE d."baseDigest" = s.digest)
    AND s.digest IS DISTINCT FROM (SELECT f.digest FROM "RiskBookSnapshot" f WHERE f."baseDigest" IS NULL
                                   ORDER BY f."createdAt" DESC, f.digest DESC LIMIT 1)
  LIMIT $1)`;

/** Deletes ticks, decisions and market alerts of minutes before `cutoff`, then the books no kept minute needs. */
export async function purgeBefore(sql: SqlSession, cutoff: Date, batch = DEFAULT_PURGE_BATCH): Promise<PurgeCounts> {
  const at = [cutoff.toISOString()];
  const riskTicks = await inBatches(
    sql,
    `DELETE FROM "RiskTick" WHERE "minuteTs" IN (SELECT "minuteTs" FROM "RiskTick" WHERE "minuteTs" < $1::timestamptz LIMIT $2)`,
    at,
    batch,
  );
  const riskDecisions = await inBatches(
    sql,
    `DELETE FROM "RiskDecision" WHERE id IN (SELECT id FROM "RiskDecision" WHERE "minuteTs" < $1::timestamptz LIMIT $2)`,
    at,
    batch,
  );
  const marketAlerts = await inBatches(
    sql,
    `DELETE FROM "MarketAlert" WHERE id IN (SELECT id FROM "MarketAlert" WHERE ts < $1::timestamptz LIMIT $2)`,
    at,
    batch,
  );
  // Deltas go first (their bases are referenced until then); repeat until a pass deletes nothing.
  let bookSnapshots = 0;
  for (;;) {
    const n = await inBatches(sql, SNAPSHOTS_UNREFERENCED, [], batch);
    bookSnapshots += n;
    if (n === 0) break;
  }
  return { riskTicks, riskDecisions, marketAlerts, bookSnapshots };
}
