// Prometheus metrics (prom-client), one registry per process behind a globalThis singleton (Next
// may load this module from several bundles). Names follow Prometheus conventions: seconds, _total.
// Served at GET /api/v1/metrics; what is measured where is listed in README (Observability).
import client from "prom-client";

function createMetrics() {
  const registry = new client.Registry();
  // Process figures, including the event-loop lag (nodejs_eventloop_lag_seconds, p50/p99 of the delay).
  client.collectDefaultMetrics({ register: registry, prefix: "minute_desk_", eventLoopMonitoringPrecision: 20 });
  const reg = [registry];
  return {
    registry,
    minuteClose: new client.Histogram({
      name: "minute_desk_minute_close_seconds",
      help: "Whole minute close: bars stored, pushed and every hook run",
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers: reg,
    }),
    minuteCloseHook: new client.Histogram({
      name: "minute_desk_minute_close_hook_seconds",
      help: "Duration of one minute-close hook",
      labelNames: ["hook"],
      buckets: [0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10],
      registers: reg,
    }),
    minuteHookFailures: new client.Counter({
      name: "minute_desk_minute_close_hook_failures_total",
      help: "Minute-close hooks that threw",
      labelNames: ["hook"],
      registers: reg,
    }),
    minutesClosed: new client.Counter({
      name: "minute_desk_minutes_closed_total",
      help: "Minutes closed by the engine",
      registers: reg,
    }),
    minutesCaughtUp: new client.Counter({
      name: "minute_desk_minutes_caught_up_total",
      help: "Minutes closed late, after an engine stall",
      registers: reg,
    }),
    barPushLatency: new client.Histogram({
      name: "minute_desk_bar_push_latency_seconds",
      help: "Minute boundary to closed bars stored and pushed (real seconds)",
      buckets: [0.1, 0.25, 0.5, 0.75, 1, 2, 5, 10, 30, 60],
      registers: reg,
    }),
    feedUp: new client.Gauge({
      name: "minute_desk_feed_source_up",
      help: "1 when the feed source is not stale",
      labelNames: ["role", "source"],
      registers: reg,
    }),
    feedActive: new client.Gauge({
      name: "minute_desk_feed_active",
      help: "1 for the source whose prints build the bars",
      labelNames: ["role", "source"],
      registers: reg,
    }),
    feedStatus: new client.Gauge({
      name: "minute_desk_feed_status",
      help: "Feed supervisor verdict: 0 ok, 1 degraded, 2 down",
      registers: reg,
    }),
    feedFailovers: new client.Gauge({
      name: "minute_desk_feed_failovers",
      help: "Failovers to the secondary since the engine started (a counter read from the supervisor)",
      registers: reg,
    }),
    sseClients: new client.Gauge({
      name: "minute_desk_sse_clients",
      help: "Open live streams (SSE subscriptions) per topic family",
      labelNames: ["topic"],
      registers: reg,
    }),
    httpDuration: new client.Histogram({
      name: "minute_desk_http_request_duration_seconds",
      help: "API request latency",
      labelNames: ["route", "method", "status"],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: reg,
    }),
    trpcErrors: new client.Counter({
      name: "minute_desk_trpc_errors_total",
      help: "tRPC errors by code",
      labelNames: ["code", "path"],
      registers: reg,
    }),
    dbPool: new client.Gauge({
      name: "minute_desk_db_pool_connections",
      help: "PostgreSQL pool connections by state (total, idle, waiting)",
      labelNames: ["state"],
      registers: reg,
    }),
    dbUp: new client.Gauge({
      name: "minute_desk_db_up",
      help: "1 when the last database check answered",
      labelNames: ["kind"],
      registers: reg,
    }),
    engineBehind: new client.Gauge({
      name: "minute_desk_engine_behind_seconds",
      help: "Simulated seconds since the end of the last closed minute",
      registers: reg,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;
const g = globalThis as unknown as { __minuteDeskMetrics?: Metrics };

export function metrics(): Metrics {
  g.__minuteDeskMetrics ??= createMetrics();
  return g.__minuteDeskMetrics;
}

/** The topic family of a bus topic ("bar:600519.SH" -> "bar"): bounded label values. */
export function topicFamily(topic: string): string {
  return topic.split(":")[0] ?? topic;
}

/**
 * A route label without ids: the documented template a path matches ("/api/v1/accounts/{id}/risk"),
 * or "(unknown)", so label values stay bounded whatever paths callers send.
 */
export function routeLabel(pathname: string, templates: readonly string[], prefix = "/api/v1"): string {
  for (const t of templates) {
    const re = new RegExp(`^${prefix}${t.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^/]+\}/g, "[^/]+")}$`);
    if (re.test(pathname)) return `${prefix}${t}`;
  }
  return "(unknown)";
}
