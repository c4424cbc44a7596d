// GET /api/v1/health (no auth): database reachability, engine and feed state.
import { getRuntime } from "../../runtime";
import { readLeader, type LeaderRecord } from "../../engine/fence";

const STALE_AFTER_MINUTES = 3;

export async function getHealth() {
  const rt = await getRuntime();
  let dbOk = true;
  // Who leads, by the fencing row every instance can read (web instances with ENGINE=off too).
  let record: LeaderRecord | null = null;
  try {
    await rt.db.sql.query("SELECT 1 AS ok");
    record = await readLeader(rt.db.sql);
  } catch {
    dbOk = false;
  }
  const engine = rt.engine?.status() ?? null;
  const leader = rt.leader?.isLeader() ?? false;
  // The leader's engine is healthy when a minute closed recently (real time, scaled by the clock
  // speed). A standby instance does not tick; it is healthy when its database is.
  const staleMs = (STALE_AFTER_MINUTES * 60_000) / (engine?.speed ?? 1);
  const sinceStart = Date.now() - rt.startedAt;
  const ticking =
    engine !== null &&
    engine.running &&
    (engine.lastTickAt !== null ? Date.now() - engine.lastTickAt < staleMs : sinceStart < staleMs);
  // The feed supervisor's own verdict (M1) counts too: a degraded or failed-over feed is not "ok".
  const feedStatus = !engine ? "off" : !leader ? "standby" : !ticking ? "stale" : engine.feed.status;
  return {
    status: dbOk && (feedStatus === "ok" || feedStatus === "standby") ? "ok" : "degraded",
    db: rt.db.kind,
    bus: rt.busChoice?.transport ?? "in-process",
    engine: {
      leader,
      leaderInstance: record?.holder ?? null,
      epoch: record?.epoch ?? null,
      ownEpoch: rt.fence?.epoch() ?? null,
      leaderHeartbeatAt: record?.heartbeatAt ?? null,
      lastTickAt: engine?.lastTickAt ? new Date(engine.lastTickAt).toISOString() : null,
      lastTickMs: engine?.lastTickMs ?? null,
    },
    feed: { source: engine?.feed.source ?? "none", status: feedStatus },
  };
}
