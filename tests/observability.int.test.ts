// Observability against a real database: GET /api/v1/metrics answers Prometheus text only
// to the scrape secret or an ADMIN (401 without credentials, 403 for another role), and carries the
// engine's minute-close figures; readiness is 503 while booting, when the database does not answer
// or when the engine leader is more than 2 simulated minutes behind, 200 otherwise.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOwnApiToken, resolveBearerToken } from "@/server/auth/api-tokens";
import { setBootPhase } from "@/server/boot-phase";
import { createInProcessBus } from "@/server/engine/event-bus";
import { MarketEngine } from "@/server/engine/market-engine";
import { serveMetrics } from "@/server/api/v1/metrics";
import { assessReadiness } from "@/server/api/v1/readiness";
import { MarketSimulator } from "@/server/market/simulator/market-simulator";
import { makeUniverse } from "@/server/market/simulator/test-symbols";
import { GET as getReady } from "@/app/api/v1/health/ready/route";
import { createUser } from "./helpers/fixtures";
import { manualClock, storeUniverse } from "./helpers/market";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T0 = Date.UTC(2026, 11, 2, 1, 30, 0);
const SCRAPE = "scrape-secret-0123456789abcdef";

describe.each(BACKENDS)("observability on %s", (kind) => {
  let t: TestDatabase;
  let clock: ReturnType<typeof manualClock>;
  let engine: MarketEngine;
  const universe = makeUniverse();

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    await storeUniverse(t.db, universe);
    clock = manualClock(T0);
    engine = new MarketEngine({
      sim: new MarketSimulator({ symbols: universe, seed: 3, startTs: T0 }),
      clock,
      bus: createInProcessBus(),
      sql: t.db.sql,
    });
  });
  afterEach(async () => t.drop());

  async function closeFirstMinute(hook: string) {
    engine.onMinuteClose(async () => undefined, hook);
    for (let ts = T0 + 5000; ts <= T0 + 60_000; ts += 5000) {
      clock.set(ts);
      await engine.step();
    }
  }

  it("metrics: 401 without credentials, 403 for a non-ADMIN token, 200 for an ADMIN token or the scrape secret", async () => {
    const hook = `probe-${kind}`;
    await closeFirstMinute(hook);
    const admin = await createUser(t.db, "ADMIN");
    const risk = await createUser(t.db, "RISK");
    const adminToken = (await createOwnApiToken(t.db.prisma, admin, { name: "grafana", scopes: ["read"] })).token;
    const riskToken = (await createOwnApiToken(t.db.prisma, risk, { name: "desk", scopes: ["read"] })).token;
    const deps = {
      rt: { db: t.db, engine },
      metricsToken: SCRAPE,
      // What resolveRequestUser does for a bearer token; no browser session exists in this test.
      resolveUser: async (h: Headers) => {
        const a = h.get("authorization");
        return a?.startsWith("Bearer ") ? resolveBearerToken(t.db.prisma, a.slice(7)) : null;
      },
    };
    const get = (authorization?: string) =>
      serveMetrics(
        new Request("http://localhost/api/v1/metrics", { headers: authorization ? { authorization } : {} }),
        deps,
      );

    const anonymous = await get();
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "UNAUTHORIZED" } });
    expect((await get("Bearer not-the-secret-and-not-a-token")).status).toBe(401);
    const forbidden = await get(`Bearer ${riskToken}`);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.json()).toMatchObject({
      error: { code: "FORBIDDEN", message: expect.stringMatching(/ADMIN only/) },
    });

    for (const auth of [`Bearer ${adminToken}`, `Bearer ${SCRAPE}`]) {
      const res = await get(auth);
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      expect(text).toContain(`minute_desk_minute_close_hook_seconds_count{hook="${hook}"} 1`);
      for (const name of [
        "minute_desk_minute_close_seconds",
        "minute_desk_bar_push_latency_seconds",
        "minute_desk_feed_source_up",
        "minute_desk_sse_clients",
        "minute_desk_http_request_duration_seconds",
        "minute_desk_trpc_errors_total",
        "minute_desk_nodejs_eventloop_lag_seconds",
        "minute_desk_db_up",
      ]) {
        expect(text).toContain(`# TYPE ${name}`);
      }
      expect(text).toContain(`minute_desk_feed_source_up{role="primary",source="sim-a"} 1`);
      expect(text).toContain(`minute_desk_db_up{kind="${t.db.kind}"} 1`);
    }
    // Without a configured secret, the same string is just an unknown bearer token.
    expect(
      (
        await serveMetrics(
          new Request("http://localhost/api/v1/metrics", { headers: { authorization: `Bearer ${SCRAPE}` } }),
          { ...deps, metricsToken: undefined },
        )
      ).status,
    ).toBe(401);
  });

  it("readiness: 503 while booting, 200 once the leader closes minutes, 503 when it falls 2 minutes behind or the database is gone", async () => {
    setBootPhase("migrating");
    const booting = await getReady(new Request("http://localhost/api/v1/health/ready"));
    expect(booting.status).toBe(503);
    expect(booting.headers.get("x-request-id")).toMatch(/.{8,}/);
    expect(await booting.json()).toMatchObject({ status: "not-ready", reason: "migrating" });
    setBootPhase("starting");

    await closeFirstMinute(`ready-${kind}`);
    const at = (ts: number, over: { dbOk?: boolean; leader?: boolean } = {}) => {
      clock.set(ts);
      return assessReadiness({
        phase: "ready",
        dbOk: over.dbOk ?? true,
        leader: over.leader ?? true,
        engine: engine.status(),
      });
    };
    expect(at(T0 + 61_000)).toMatchObject({
      ready: true,
      reason: "ok",
      engine: { lastClosedMinute: new Date(T0).toISOString(), behindSeconds: 1 },
    });
    // The minute T0+60 s should have closed at T0+120 s; at T0+180 s it is exactly 2 minutes late.
    expect(at(T0 + 180_000).ready).toBe(true);
    expect(at(T0 + 180_001)).toMatchObject({ ready: false, reason: "engine-behind" });
    // A standby does not tick: it is judged by its database alone.
    expect(at(T0 + 600_000, { leader: false })).toMatchObject({ ready: true, engine: { behindSeconds: null } });
    expect(at(T0 + 61_000, { dbOk: false })).toMatchObject({ ready: false, reason: "database" });
    // Stepping again catches up every missed minute and the leader is ready again.
    clock.set(T0 + 181_000);
    await engine.step();
    expect(at(T0 + 181_000)).toMatchObject({
      ready: true,
      engine: { lastClosedMinute: new Date(T0 + 120_000).toISOString() },
    });
  });
});
