// Leader fencing (DESIGN 8, issue 14). The advisory lock says who should lead; the fencing token says
// whose writes still count. Each takeover bumps EngineLeader.epoch; every tick's writing transaction
// locks that row (SELECT ... FOR UPDATE) and checks the epoch is still its own, else it rolls back and
// the engine steps down. A deposed leader whose lock connection died mid-tick therefore cannot commit
// after the standby's takeover: the takeover's UPDATE waits for the old tick's row lock or, once it
// has committed, the old tick's check sees the new epoch.
import type { SqlDriver, SqlSession } from "../db/connection";

export class FencedError extends Error {
  constructor(
    readonly ours: number,
    readonly current: number,
    readonly holder: string,
  ) {
    super(`engine epoch ${ours} is fenced off: ${holder} leads at epoch ${current}`);
    this.name = "FencedError";
  }
}

export interface LeaderRecord {
  epoch: number;
  holder: string;
  heartbeatAt: string | null;
}

export interface Fence {
  /** The epoch this instance holds (0 before its first takeover). */
  epoch(): number;
  instance: string;
  /** Bumps the epoch and records this instance as the holder; call on acquiring the lock. */
  takeOver(): Promise<number>;
  /** Runs fn in one transaction that first checks the epoch (FOR UPDATE); throws FencedError when deposed. */
  run<T>(fn: (tx: SqlSession) => Promise<T>): Promise<T>;
  /** Refreshes the heartbeat; false when another instance took over since. */
  heartbeat(): Promise<boolean>;
}

const TAKE_OVER = `INSERT INTO "EngineLeader" ("id", "epoch", "holder", "heartbeatAt", "acquiredAt")
  VALUES (1, 1, $1, now(), now())
  ON CONFLICT ("id") DO UPDATE SET "epoch" = "EngineLeader"."epoch" + 1, "holder" = EXCLUDED."holder",
    "heartbeatAt" = now(), "acquiredAt" = now()
  RETURNING "epoch"`;

export async function readLeader(sql: SqlSession): Promise<LeaderRecord | null> {
  const rows = await sql.query<{ epoch: number; holder: string; heartbeatAt: Date | string | null }>(
    `SELECT "epoch", "holder", "heartbeatAt" FROM "EngineLeader" WHERE "id" = 1`,
  );
  const r = rows[0];
  if (!r) return null;
  const hb = r.heartbeatAt === null ? null : new Date(r.heartbeatAt).toISOString();
  return { epoch: Number(r.epoch), holder: r.holder, heartbeatAt: hb };
}

export function createFence(sql: SqlDriver, instance: string): Fence {
  let epoch = 0;
  return {
    instance,
    epoch: () => epoch,
    async takeOver() {
      const rows = await sql.query<{ epoch: number }>(TAKE_OVER, [instance]);
      epoch = Number(rows[0]?.epoch ?? 0);
      return epoch;
    },
    run(fn) {
      return sql.withSession(async (s) => {
        await s.exec("BEGIN");
        try {
          const rows = await s.query<{ epoch: number; holder: string }>(
            `SELECT "epoch", "holder" FROM "EngineLeader" WHERE "id" = 1 FOR UPDATE`,
          );
          const current = Number(rows[0]?.epoch ?? 0);
          if (epoch === 0 || current !== epoch) throw new FencedError(epoch, current, rows[0]?.holder ?? "nobody");
          await s.query(`UPDATE "EngineLeader" SET "heartbeatAt" = now() WHERE "id" = 1`);
          const result = await fn(s);
          await s.exec("COMMIT");
          return result;
        } catch (err) {
          await s.exec("ROLLBACK").catch(() => undefined);
          throw err;
        }
      });
    },
    async heartbeat() {
      const rows = await sql.query<{ id: number }>(
        `UPDATE "EngineLeader" SET "heartbeatAt" = now() WHERE "id" = 1 AND "epoch" = $1 RETURNING "id"`,
        [epoch],
      );
      return rows.length === 1;
    },
  };
}
