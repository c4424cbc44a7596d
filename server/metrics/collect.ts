// Gauges read from the runtime at scrape time (feed state, database pool, how far the engine is
// behind), then the registry rendered in Prometheus text format.
import type { Database } from "../db/connection";
import type { MarketEngine } from "../engine/market-engine";
import { MINUTE_MS } from "../engine/market-engine";
import { metrics } from "./registry";

const FEED_STATUS = { ok: 0, degraded: 1, down: 2 } as const;

export async function renderMetrics(rt: {
  db: Database;
  engine: MarketEngine | null;
}): Promise<{ body: string; contentType: string }> {
  const m = metrics();
  const engine = rt.engine;
  if (engine) {
    const health = engine.feeds().health();
    m.feedUp.reset();
    m.feedActive.reset();
    for (const s of health.sources) {
      m.feedUp.set({ role: s.role, source: s.id }, s.stale ? 0 : 1);
      m.feedActive.set({ role: s.role, source: s.id }, s.role === health.active ? 1 : 0);
    }
    m.feedStatus.set(FEED_STATUS[health.status]);
    m.feedFailovers.set(engine.feeds().failoverCount());
    const st = engine.status();
    const since = st.lastClosedMinuteTs !== null ? st.lastClosedMinuteTs + MINUTE_MS : st.runningSince;
    if (st.running && since !== null) m.engineBehind.set(Math.max(0, (st.simTime - since) / 1000));
  }
  let up = 1;
  try {
    await rt.db.sql.query("SELECT 1 AS ok");
  } catch {
    up = 0;
  }
  m.dbUp.reset();
  m.dbUp.set({ kind: rt.db.kind }, up);
  const pool = rt.db.poolStats?.();
  if (pool) {
    m.dbPool.set({ state: "total" }, pool.total);
    m.dbPool.set({ state: "idle" }, pool.idle);
    m.dbPool.set({ state: "waiting" }, pool.waiting);
  }
  return { body: await m.registry.metrics(), contentType: m.registry.contentType };
}
