// v1 operations for operators: health, readiness, metrics and the audit chain check.
import { z } from "zod";
import { defineOperation } from "../contract/operation";
import { isoInstant } from "./shared";

const internalError =
  "Unexpected error: no internals, a correlation id (the request id) that the server log carries with the details";

export const healthOperation = defineOperation({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  tags: ["operations"],
  summary: "Service health (no authentication)",
  auth: { public: true },
  responses: {
    200: {
      description: "Health; status is degraded when the database or the engine is not healthy",
      schema: z.object({
        status: z.enum(["ok", "degraded"]),
        db: z.enum(["pglite", "postgres"]),
        bus: z.enum(["redis", "postgres-notify", "in-process"]),
        engine: z.object({
          leader: z.boolean(),
          leaderInstance: z.string().nullable(),
          epoch: z.number().int().nullable(),
          ownEpoch: z.number().int().nullable(),
          leaderHeartbeatAt: isoInstant.nullable(),
          lastTickAt: isoInstant.nullable(),
          lastTickMs: z.number().nullable(),
        }),
        feed: z.object({ source: z.string(), status: z.string() }),
      }),
    },
  },
  errors: { 500: internalError },
});

const readiness = z.object({
  status: z.enum(["ready", "not-ready"]),
  ready: z.boolean(),
  reason: z.enum(["ok", "starting", "migrating", "seeding", "starting-engine", "failed", "database", "engine-behind"]),
  phase: z.enum(["starting", "migrating", "seeding", "starting-engine", "ready", "failed"]),
  engine: z.object({
    leader: z.boolean(),
    lastClosedMinute: isoInstant.nullable().meta({ description: "start of the last minute the engine closed" }),
    behindSeconds: z.number().int().nullable().meta({
      description: "simulated seconds since the end of that minute (null when this instance does not tick)",
    }),
  }),
});

export const readinessOperation = defineOperation({
  method: "get",
  path: "/health/ready",
  operationId: "getReadiness",
  tags: ["operations"],
  summary: "Readiness (no authentication): may this instance take traffic?",
  description:
    "200 when ready. 503 (with Retry-After) while the instance migrates or seeds, when its database does not answer, or when it is the engine leader and its last minute close ended more than 2 simulated minutes ago. /health stays 200 with details; this is the probe for load balancers.",
  auth: { public: true },
  responses: {
    200: { description: "Ready", schema: readiness },
    503: {
      description: "Not ready; reason says why",
      schema: readiness,
      headers: { "Retry-After": { description: "Seconds to wait", schema: { type: "integer", minimum: 1 } } },
    },
  },
  errors: { 500: internalError },
});

export const metricsOperation = defineOperation({
  method: "get",
  path: "/metrics",
  operationId: "getMetrics",
  tags: ["operations"],
  summary: "Prometheus metrics (ADMIN, or the METRICS_TOKEN scrape secret)",
  description:
    "Prometheus text exposition format 0.0.4: minute close duration (whole and per hook), minute boundary to bars pushed, feed source state and failovers, live streams per topic, HTTP latency per route, tRPC errors by code, event-loop lag, database pool. Send `Authorization: Bearer <METRICS_TOKEN>` (when configured), or an ADMIN session or API token.",
  auth: { public: true, security: [{ bearer: [] }, { session: [] }, { secureSession: [] }] },
  responses: {
    200: { description: "Metrics", schema: z.string(), mediaType: "text/plain; version=0.0.4; charset=utf-8" },
  },
  errors: {
    401: "Neither the scrape secret nor a signed-in user",
    403: "Signed in, but not an ADMIN (or two-factor enrolment is pending)",
    500: internalError,
  },
});

export const verifyAuditOperation = defineOperation({
  method: "get",
  path: "/audit/verify",
  operationId: "verifyAuditChain",
  tags: ["audit"],
  summary: "Verify the audit hash chain",
  auth: { permission: "audit.verify" },
  responses: {
    200: {
      description: "Verification result; firstBrokenId is the first tampered or unlinked event",
      schema: z.object({
        ok: z.boolean(),
        checked: z.number().int().min(0),
        firstBrokenId: z.number().int().nullable(),
      }),
    },
  },
});

export const opsOperations = [healthOperation, readinessOperation, metricsOperation, verifyAuditOperation];
