// Market monitoring end to end against a real database (M1-M6): a drill crashes a symbol, the
// minute-close hook raises the alert with its evidence, the rules take their actions (margin
// multiplier, buy restriction) that the risk side reads through services, the event is pushed on
// the bus with its measured latency, and the screens' procedures read, acknowledge and manage it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { verifyAuditChain } from "@/server/audit/audit-service";
import { createInProcessBus, type EventBus } from "@/server/engine/event-bus";
import { MarketEngine } from "@/server/engine/market-engine";
import { insertBars } from "@/server/market/bar-store";
import { BarBuilder } from "@/server/market/bars/bar-builder";
import { applyRetention } from "@/server/market/monitoring/depth-store";
import { ALERT_TOPIC, MarketMonitoring, type AlertEvent } from "@/server/market/monitoring/market-monitoring";
import { seedMarketDemo } from "@/server/market/monitoring/seed-demo";
import { MarketSimulator } from "@/server/market/simulator/market-simulator";
import { makeUniverse } from "@/server/market/simulator/test-symbols";
import type { Bar } from "@/server/market/types";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { manualClock, storeUniverse } from "./helpers/market";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T0 = Date.UTC(2026, 10, 24, 2, 30, 0); // 10:30 in Shanghai
const CRASHED = "600519.SH";

describe.each(BACKENDS)("market monitoring on %s", (kind) => {
  let t: TestDatabase;
  let bus: EventBus;
  let clock: ReturnType<typeof manualClock>;
  let engine: MarketEngine;
  let monitoring: MarketMonitoring;
  let admin: TestUser;
  let risk: TestUser;
  const universe = makeUniverse();

  async function stepUntil(end: number, step = 1000): Promise<void> {
    for (let ts = clock.now() + step; ts <= end; ts += step) {
      clock.set(ts);
      await engine.step();
    }
  }

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    await storeUniverse(t.db, universe);
    admin = await createUser(t.db, "ADMIN");
    risk = await createUser(t.db, "RISK");
    // 45 minutes of history, the way the engine's backfill builds it; the engine continues the same market.
    const sim = new MarketSimulator({ symbols: universe, seed: 21, startTs: T0 - 45 * 60_000 });
    const builder = new BarBuilder();
    const history: Bar[] = [];
    for (let ts = T0 - 45 * 60_000 + 5000; ts <= T0; ts += 5000) {
      for (const tick of sim.step(ts)) history.push(...builder.add(tick));
      if (ts % 60_000 === 0) history.push(...builder.closeUntil(ts));
    }
    await insertBars(t.db.sql, history);
    await seedMarketDemo(t.db.prisma, { seed: 1, now: T0 });
    bus = createInProcessBus();
    clock = manualClock(T0);
    engine = new MarketEngine({ sim, clock, bus, sql: t.db.sql });
    monitoring = new MarketMonitoring({ prisma: t.db.prisma, sql: t.db.sql, bus, engine });
    await monitoring.init();
    engine.onMinuteClose(async (m) => {
      await monitoring.onMinuteClose(m);
    });
  });
  afterEach(async () => t.drop());

  it("a flash-crash drill raises the alert, takes the rules' actions and pushes them within the minute", async () => {
    const pushed: AlertEvent[] = [];
    bus.subscribe<AlertEvent>(ALERT_TOPIC, (e) => pushed.push(e.data));
    const sigmaBefore = monitoring.book.sigma(CRASHED) ?? 0;
    expect(sigmaBefore).toBeGreaterThan(0); // warmed up from the stored history
    expect(monitoring.overrides.marginMultiplier(CRASHED)).toBe(1);

    const drill = await monitoring.runDrill(admin, { kind: "FLASH_CRASH", symbol: CRASHED, magnitude: 0.07 });
    expect(drill).toMatchObject({ symbols: [CRASHED], returnPct: -0.07, recoveryMinutes: 10 });
    await stepUntil(T0 + 60_000);

    const alerts = await t.db.prisma.marketAlert.findMany({ where: { symbolCode: CRASHED, ts: new Date(T0) } });
    const down = alerts.find((a) => a.kind === "CUSUM_DOWN");
    expect(down).toBeDefined();
    expect(down?.severity).toBe("CRITICAL");
    const evidence = down?.evidence as { z: number; ret: number };
    expect(evidence.z).toBeLessThan(-8);
    expect(evidence.ret).toBeLessThan(Math.log(0.95));
    expect(alerts.map((a) => a.kind)).toContain("VOL_SPIKE");
    expect(down?.latencyMs).toBeGreaterThanOrEqual(0);

    // M6: the default rules raised the margin multiplier, restricted buys and proposed a hedge.
    expect(monitoring.overrides.marginMultiplier(CRASHED)).toBe(1.5);
    expect(monitoring.overrides.buyRestricted(CRASHED)).toBe(true);
    const actions = await t.db.prisma.symbolAction.findMany({ where: { symbolCode: CRASHED } });
    expect(actions.map((a) => a.action).sort()).toEqual(
      expect.arrayContaining(["NOTIFY", "PROPOSE_HEDGE", "RAISE_MARGIN", "RESTRICT_BUYS"]),
    );
    expect(monitoring.book.sigma(CRASHED) ?? 0).toBeGreaterThan(3 * sigmaBefore);

    // Pushed on the bus with its latency; the same latency is on the rows.
    const event = pushed.find((e) => e.alerts.some((a) => a.symbol === CRASHED));
    expect(event?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(event?.latencyMs).toBeLessThan(60_000);
    expect(event?.actions.some((a) => a.symbol === CRASHED && a.action === "RAISE_MARGIN")).toBe(true);
    expect(monitoring.latencyStats().samples).toBe(1);

    const audit = await t.db.prisma.auditEvent.findMany({ select: { action: true } });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining(["market.drillRun", "market.alertsRaised", "market.actionTaken"]),
    );
    const chain = await verifyAuditChain(t.db.prisma);
    const broken =
      chain.firstBrokenId === null
        ? null
        : await t.db.prisma.auditEvent.findUnique({ where: { id: chain.firstBrokenId } });
    expect(chain.ok, JSON.stringify(broken)).toBe(true);
    // M3: the minute's depth snapshot is stored.
    // Five levels a side, fewer when the crash has brought the bid side near the daily limit (no level
    // is quoted past it); prices and quantities come as pairs.
    const depth = await t.db.sql.query<{ n: number; q: number }>(
      `SELECT cardinality("bidPx")::int AS n, cardinality("bidQty")::int AS q FROM "DepthSnapshot" WHERE "symbolCode" = $1 AND ts = $2`,
      [CRASHED, new Date(T0)],
    );
    expect(depth[0]?.n).toBeGreaterThanOrEqual(1);
    expect(depth[0]?.n).toBeLessThanOrEqual(5);
    expect(depth[0]?.q).toBe(depth[0]?.n);
  });

  it("serves, acknowledges and manages alerts, rules and actions through tRPC with the right roles", async () => {
    await monitoring.runDrill(admin, { kind: "FLASH_CRASH", symbol: CRASHED });
    await stepUntil(T0 + 60_000);
    const services = { monitoring };
    const asRisk = callerFor(t.db, risk, { bus, engine, services });
    const asAdmin = callerFor(t.db, admin, { bus, engine, services });
    const auditor = callerFor(t.db, await createUser(t.db, "AUDITOR"), { bus, engine, services });

    const open = await asRisk.monitoring.alerts({ symbol: CRASHED, status: "open" });
    const target = open.find((a) => a.kind === "CUSUM_DOWN");
    expect(target).toBeDefined();
    await expect(auditor.monitoring.ack({ id: target?.id ?? "" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    const acked = await asRisk.monitoring.ack({ id: target?.id ?? "", note: "drill" });
    expect(acked.ackByEmail).toBe(risk.email);
    await expect(asRisk.monitoring.ack({ id: target?.id ?? "" })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(asRisk.monitoring.ack({ id: "nope" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await asRisk.monitoring.alerts({ symbol: CRASHED, status: "open" })).some((a) => a.id === target?.id)).toBe(
      false,
    );

    // Rules: RISK and ADMIN may change them; the next minute uses the new settings.
    const rules = await asRisk.monitoring.rules();
    const margin = rules.find((r) => r.action === "RAISE_MARGIN" && r.kind === "*");
    const updated = await asAdmin.monitoring.updateRule({ id: margin?.id ?? "", multiplier: 2 });
    expect(updated.multiplier).toBe(2);
    await expect(auditor.monitoring.updateRule({ id: margin?.id ?? "", enabled: false })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
    const restrict = rules.find((r) => r.action === "RESTRICT_BUYS");
    await expect(asAdmin.monitoring.updateRule({ id: restrict?.id ?? "", multiplier: 2 })).rejects.toMatchObject({
      code: "BAD_REQUEST",
    });

    // Revoking the buy restriction lifts it for the risk engine at once.
    const active = await asRisk.monitoring.actions({ symbol: CRASHED });
    const restriction = active.find((a) => a.action === "RESTRICT_BUYS");
    await asRisk.monitoring.revokeAction({ id: restriction?.id ?? "" });
    expect(monitoring.overrides.buyRestricted(CRASHED)).toBe(false);

    // Indicators and the latency figure for the screens.
    const [ind] = await asRisk.monitoring.indicators({ symbols: [CRASHED] });
    expect(ind?.snapshot?.sigma).toBeGreaterThan(0);
    expect((await asRisk.monitoring.latency()).samples).toBe(1);

    // Drills and feed switching are ADMIN-only.
    await expect(asRisk.monitoring.runDrill({ kind: "MARKET_CRASH" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await expect(asAdmin.monitoring.runDrill({ kind: "FLASH_CRASH" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(asRisk.monitoring.switchFeeds({ primary: "replay", secondary: "sim-a" })).rejects.toMatchObject({
      code: "FORBIDDEN",
    });
  });

  it("switches to the CSV replay (ADMIN), flags the switch minute, and rolls 1m bars up to 5m", async () => {
    const asAdmin = callerFor(t.db, admin, { bus, engine, services: { monitoring } });
    const health = await asAdmin.monitoring.switchFeeds({ primary: "replay", secondary: "sim-a" });
    expect(health).toMatchObject({ activeSource: "replay" });
    await stepUntil(T0 + 120_000);
    const bars = await t.db.sql.query<{ quality: string; n: number }>(
      `SELECT quality, count(*)::int AS n FROM "Bar1m" WHERE ts = $1 GROUP BY quality`,
      [new Date(T0)],
    );
    expect(bars.map((b) => b.quality)).toEqual(["GAP"]); // prints from two sources in that minute
    const replayed = await callerFor(t.db, risk, { bus, engine }).market.intervalBars({
      symbol: CRASHED,
      interval: "1m",
      limit: 1,
    });
    // A replayed minute prints open, high/low, close at 0, 15, 30, 45 s (4 trades), scaled real prices.
    expect(replayed[0]?.trades).toBe(4);
    expect(await t.db.prisma.auditEvent.count({ where: { action: "market.feedSwitched" } })).toBe(1);

    const one = await callerFor(t.db, risk, { bus, engine }).market.intervalBars({
      symbol: "600036.SH",
      interval: "1m",
      limit: 60,
    });
    const five = await callerFor(t.db, risk, { bus, engine }).market.intervalBars({
      symbol: "600036.SH",
      interval: "5m",
      limit: 3,
    });
    const last = five[five.length - 1];
    const members = one.filter((b) => last && b.ts >= last.ts && b.ts < last.ts + 300_000);
    expect(last?.volume).toBe(members.reduce((s, b) => s + b.volume, 0));
    expect(last?.high).toBe(Math.max(...members.map((b) => b.high)));

    // M3 retention: ADMIN sets it (audited); the job deletes 1m bars and depth snapshots past it.
    await expect(
      callerFor(t.db, risk, { bus, engine }).monitoring.setRetention({ barDays: 1, depthDays: 1 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const setting = await asAdmin.monitoring.setRetention({ barDays: 30, depthDays: 1 });
    expect(await asAdmin.monitoring.retention()).toEqual(setting);
    const depthBefore = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "DepthSnapshot"`);
    expect(depthBefore[0]?.n).toBeGreaterThan(0);
    const removed = await applyRetention(t.db.sql, setting, T0 + 2 * 86_400_000);
    expect(removed.depth).toBe(depthBefore[0]?.n);
    expect(removed.bars).toBe(0); // 30 days keep every bar of this test
    expect((await applyRetention(t.db.sql, setting, T0 + 31 * 86_400_000)).bars).toBeGreaterThan(0);
  });

  it("drills a primary feed outage (failover to the secondary) and a suspension (no bars while halted)", async () => {
    await monitoring.runDrill(admin, { kind: "FEED_OUTAGE", minutes: 1 });
    const halted = await monitoring.runDrill(admin, { kind: "SUSPENSION", symbol: "600036.SH" });
    expect(halted.suspended).toBe(true);
    await stepUntil(T0 + 60_000);
    expect(engine.feeds().health()).toMatchObject({ active: "secondary", activeSource: "sim-b" });
    expect(
      engine
        .feeds()
        .health()
        .events.map((e) => e.kind),
    ).toContain("FAILOVER");
    const quality = await t.db.sql.query<{ quality: string }>(`SELECT DISTINCT quality FROM "Bar1m" WHERE ts = $1`, [
      new Date(T0),
    ]);
    expect(quality.map((q) => q.quality)).toEqual(["GAP"]);
    const haltedBars = await t.db.sql.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Bar1m" WHERE "symbolCode" = '600036.SH' AND ts >= $1`,
      [new Date(T0)],
    );
    expect(haltedBars[0]?.n).toBe(0);
    // The vendor is back after a minute; after 30 s of health the supervisor fails back.
    await stepUntil(T0 + 120_000);
    expect(engine.feeds().health().active).toBe("primary");
    expect((await monitoring.runDrill(admin, { kind: "SUSPENSION", symbol: "600036.SH" })).suspended).toBe(false);
  });
});
