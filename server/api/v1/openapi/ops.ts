// OpenAPI paths of the operations endpoints: readiness and Prometheus metrics.
import { authErrors } from "./common";

const readiness = {
  type: "object",
  required: ["status", "ready", "reason", "phase", "engine"],
  properties: {
    status: { enum: ["ready", "not-ready"] },
    ready: { type: "boolean" },
    reason: {
      enum: ["ok", "starting", "migrating", "seeding", "starting-engine", "failed", "database", "engine-behind"],
    },
    phase: { enum: ["starting", "migrating", "seeding", "starting-engine", "ready", "failed"] },
    engine: {
      type: "object",
      properties: {
        leader: { type: "boolean" },
        lastClosedMinute: {
          type: ["string", "null"],
          format: "date-time",
          description: "start of the last minute the engine closed",
        },
        behindSeconds: {
          type: ["integer", "null"],
          description: "simulated seconds since the end of that minute (null when this instance does not tick)",
        },
      },
    },
  },
};

export const opsPaths: Record<string, unknown> = {
  "/health/ready": {
    get: {
      summary: "Readiness (no authentication): may this instance take traffic?",
      description:
        "200 when ready. 503 (with Retry-After) while the instance migrates or seeds, when its database does not answer, or when it is the engine leader and its last minute close ended more than 2 simulated minutes ago. /health stays 200 with details; this is the probe for load balancers.",
      security: [],
      responses: {
        "200": { description: "Ready", content: { "application/json": { schema: readiness } } },
        "503": { description: "Not ready; reason says why", content: { "application/json": { schema: readiness } } },
      },
    },
  },
  "/metrics": {
    get: {
      summary: "Prometheus metrics (ADMIN, or the METRICS_TOKEN scrape secret)",
      description:
        "Prometheus text exposition format 0.0.4: minute close duration (whole and per hook), minute boundary to bars pushed, feed source state and failovers, live streams per topic, HTTP latency per route, tRPC errors by code, event-loop lag, database pool. Send `Authorization: Bearer <METRICS_TOKEN>` (when configured), or an ADMIN session or API token.",
      security: [{ bearer: [] }, { session: [] }],
      responses: {
        "200": {
          description: "Metrics",
          content: { "text/plain; version=0.0.4; charset=utf-8": { schema: { type: "string" } } },
        },
        ...authErrors,
      },
    },
  },
};
