// Exactly one engine ticks at a time (DESIGN 8): the leader holds a PostgreSQL session advisory
// lock on a connection of its own; standbys retry every few seconds, so one takes over well
// within a minute after the leader's process or connection dies. Embedded PGlite has a single
// process by construction, so it is always the leader.
import pg from "pg";
import { domainLog } from "../log";

const ENGINE_LOCK_KEY = 72707371;
const RETRY_MS = 10_000;

export interface LeaderLock {
  isLeader(): boolean;
  /** Completed attempts to take the lock (standby status, tests). */
  attempts(): number;
  stop(): Promise<void>;
}

export function alwaysLeader(onAcquire: () => void): LeaderLock {
  onAcquire();
  return { isLeader: () => true, attempts: () => 1, stop: async () => undefined };
}

export function startLeaderElection(
  url: string,
  hooks: { onAcquire: () => void; onLose: () => void },
  retryMs: number = RETRY_MS,
): LeaderLock {
  let client: pg.Client | null = null;
  let leader = false;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let attempts = 0;

  const lose = () => {
    if (leader) {
      leader = false;
      domainLog("engine").warn("lost the leader lock; engine stopped, retrying as standby");
      hooks.onLose();
    }
    client = null;
    schedule();
  };
  const schedule = () => {
    if (!stopped) timer = setTimeout(() => void attempt(), retryMs);
  };
  const attempt = async () => {
    if (stopped) return;
    const c = new pg.Client({ connectionString: url });
    try {
      await c.connect();
      const { rows } = await c.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [ENGINE_LOCK_KEY]);
      attempts += 1;
      if (!rows[0]?.ok) {
        await c.end();
        schedule();
        return;
      }
      client = c;
      leader = true;
      c.on("error", () => undefined); // "end" follows and handles it
      c.on("end", () => {
        if (!stopped) lose();
      });
      domainLog("engine").info("acquired the leader lock");
      hooks.onAcquire();
    } catch (err) {
      domainLog("engine").warn({ err }, "leader election failed");
      await c.end().catch(() => undefined);
      schedule();
    }
  };
  void attempt();
  return {
    isLeader: () => leader,
    attempts: () => attempts,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      const c = client;
      client = null;
      leader = false;
      await c?.end().catch(() => undefined);
    },
  };
}
