// GET /api/v1/health (no auth): database reachability, engine and feed state.
import { getRuntime } from "../../runtime";

const STALE_AFTER_MINUTES = 3;

export async function getHealth() {
  const rt = await getRuntime();
  let dbOk = true;
  try {
    await rt.db.sql.query("SELECT 1 AS ok");
  } catch {
    dbOk = false;
  }
  const engine = rt.engine?.status() ?? null;
  // The engine is healthy when a minute closed recently (in real time, scaled by the clock speed).
  const staleMs = (STALE_AFTER_MINUTES * 60_000) / (engine?.speed ?? 1);
  const sinceStart = Date.now() - rt.startedAt;
  const feedOk =
    engine !== null && engine.running && (engine.lastTickAt !== null ? Date.now() - engine.lastTickAt < staleMs : sinceStart < staleMs);
  return {
    status: dbOk && feedOk ? "ok" : "degraded",
    db: rt.db.kind,
    engine: {
      leader: engine?.running ?? false,
      lastTickAt: engine?.lastTickAt ? new Date(engine.lastTickAt).toISOString() : null,
      lastTickMs: engine?.lastTickMs ?? null,
    },
    feed: { source: engine ? "simulator" : "none", status: feedOk ? "ok" : engine ? "stale" : "off" },
  };
}
