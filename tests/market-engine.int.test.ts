// The engine against a real database: stepping the simulator on a controlled clock closes
// one-minute bars at the boundary, persists them, runs the minute-close hooks, and pushes them to
// subscribers; the desk's procedures read them back and validate their input.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BarBuilder } from "@/server/market/bars/bar-builder";
import { insertBars } from "@/server/market/bar-store";
import { createInProcessBus, type EventBus } from "@/server/engine/event-bus";
import { MarketEngine, type MinuteCloseContext } from "@/server/engine/market-engine";
import { FeedSupervisor } from "@/server/market/feeds/feed-supervisor";
import { SimulatorFeedSource } from "@/server/market/feeds/simulator-source";
import type { FeedSource } from "@/server/market/feeds/feed-source";
import { MarketSimulator } from "@/server/market/simulator/market-simulator";
import { makeUniverse } from "@/server/market/simulator/test-symbols";
import { callerFor, createUser } from "./helpers/fixtures";
import { manualClock, storeUniverse } from "./helpers/market";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const T0 = Date.UTC(2026, 10, 24, 1, 30, 0); // 09:30 in Shanghai

describe.each(BACKENDS)("market engine on %s", (kind) => {
  let t: TestDatabase;
  let bus: EventBus;
  let clock: ReturnType<typeof manualClock>;
  let engine: MarketEngine;
  const universe = makeUniverse();

  beforeEach(async () => {
    t = await createTestDatabase(kind);
    await storeUniverse(t.db, universe);
    bus = createInProcessBus();
    clock = manualClock(T0);
    engine = new MarketEngine({
      sim: new MarketSimulator({ symbols: universe, seed: 7, startTs: T0 }),
      clock,
      bus,
      sql: t.db.sql,
    });
  });
  afterEach(async () => t.drop());

  it("closes the minute at the boundary: bars persisted, hooks run, subscribers told", async () => {
    const hookCalls: MinuteCloseContext[] = [];
    engine.onMinuteClose(async (ctx) => {
      // The hook runs after the bars are stored, so it can read them.
      const n = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Bar1m" WHERE ts = $1`, [
        new Date(ctx.minuteTs),
      ]);
      expect(n[0]?.n).toBe(ctx.bars.length);
      hookCalls.push(ctx);
    });
    const closed: string[] = [];
    for (const s of universe)
      bus.subscribe<{ kind: string; bar: { symbol: string } }>(
        `bar:${s.code}`,
        (e) => e.data.kind === "closed" && closed.push(e.data.bar.symbol),
      );

    for (let ts = T0 + 1000; ts < T0 + 60_000; ts += 1000) {
      clock.set(ts);
      await engine.step();
    }
    expect(hookCalls).toHaveLength(0);
    const stored = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Bar1m"`);
    expect(stored[0]?.n).toBe(0);

    clock.set(T0 + 60_000);
    await engine.step();
    expect(hookCalls).toHaveLength(1);
    const [first] = hookCalls;
    expect(first?.minuteTs).toBe(T0);
    const symbols = first?.bars.map((b) => b.symbol).sort() ?? [];
    expect(symbols.length).toBeGreaterThan(5);
    expect(symbols).not.toContain("000001.SZ"); // suspended: no bar is fabricated
    expect(closed.sort()).toEqual(symbols);
    expect(engine.status()).toMatchObject({ minutesClosed: 1, lastError: null });
    expect(engine.status().lastTickMs).toBeGreaterThanOrEqual(0);
  });

  it("serves history and the live stream through tRPC, and validates the symbol", async () => {
    const risk = await createUser(t.db, "RISK");
    const caller = callerFor(t.db, risk, { bus, engine });
    // Build two minutes of history the way the backfill does.
    const sim = new MarketSimulator({ symbols: universe, seed: 9, startTs: T0 - 120_000 });
    const builder = new BarBuilder();
    const bars = [];
    for (let ts = T0 - 115_000; ts <= T0; ts += 5000) {
      for (const tick of sim.step(ts)) bars.push(...builder.add(tick));
      if (ts % 60_000 === 0) bars.push(...builder.closeUntil(ts));
    }
    await insertBars(t.db.sql, bars);
    const history = await caller.market.bars({ symbol: "600519.SH", limit: 10 });
    expect(history.map((b) => b.ts)).toEqual([T0 - 120_000, T0 - 60_000]);
    expect(history.every((b) => b.low <= Math.min(b.open, b.close) && b.high >= Math.max(b.open, b.close))).toBe(true);

    await expect(caller.market.bars({ symbol: "AAPL", limit: 10 })).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(caller.market.bars({ symbol: "999999.SH", limit: 10 })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(caller.market.bars({ symbol: "600519.SH", limit: 0 })).rejects.toMatchObject({ code: "BAD_REQUEST" });

    // A few seconds of trading so that a forming bar exists for the snapshot.
    for (let ts = T0 + 1000; ts <= T0 + 10_000; ts += 1000) {
      clock.set(ts);
      await engine.step();
    }
    expect(engine.forming("600519.SH")).toBeDefined();
    const stream = await caller.market.onBar({ symbol: "600519.SH" });
    const it = stream[Symbol.asyncIterator]();
    const next = async () => {
      const r = await it.next();
      if (r.done) return null;
      // A server-side caller sees tRPC's tracked envelope: [id, data, marker].
      const [id, data] = r.value as unknown as [string, { kind: string; bar: { ts: number } }];
      return { id, data };
    };
    // The first event is the forming bar's snapshot; once it arrived the stream is subscribed.
    const snapshot = await next();
    expect(snapshot?.data.kind).toBe("forming");
    expect(snapshot?.data.bar.ts).toBe(T0);
    for (let ts = T0 + 11_000; ts <= T0 + 60_000; ts += 1000) {
      clock.set(ts);
      await engine.step();
    }
    const seen: string[] = [];
    for (;;) {
      const e = await next();
      if (!e) break;
      seen.push(e.data.kind);
      if (e.data.kind === "closed") {
        expect(e.data.bar.ts).toBe(T0);
        expect(e.id.startsWith(`${T0}-`)).toBe(true); // resumable: the id carries the bar time
        break;
      }
    }
    await it.return?.(undefined);
    expect(seen).toContain("closed");
  });

  it("takes its prints through the feed supervisor: an outage neither crashes the engine nor fabricates bars, and failover flags the minute", async () => {
    const broken: FeedSource = {
      id: "vendor-x",
      kind: "websocket",
      poll: () => {
        throw new Error("connection reset");
      },
      problem: () => "down",
    };
    const sim = new MarketSimulator({ symbols: universe, seed: 7, startTs: T0 });
    // Primary broken, no secondary: nothing is printed, nothing is stored.
    const alone = new MarketEngine({
      sim,
      clock,
      bus,
      sql: t.db.sql,
      feeds: () => new FeedSupervisor(broken, null, T0),
    });
    for (let ts = T0 + 1000; ts <= T0 + 60_000; ts += 1000) {
      clock.set(ts);
      await alone.step();
    }
    expect(alone.status()).toMatchObject({
      minutesClosed: 1,
      lastError: null,
      feed: { source: "vendor-x", status: "down" },
    });
    const none = await t.db.sql.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Bar1m"`);
    expect(none[0]?.n).toBe(0);

    // With a simulator secondary the engine fails over after 10 s; that minute's bars are flagged GAP.
    const sim2 = new MarketSimulator({ symbols: universe, seed: 8, startTs: T0 + 60_000 });
    const withBackup = new MarketEngine({
      sim: sim2,
      clock,
      bus,
      sql: t.db.sql,
      feeds: (hub) => new FeedSupervisor(broken, new SimulatorFeedSource("sim-b", hub), T0 + 60_000),
    });
    for (let ts = T0 + 61_000; ts <= T0 + 180_000; ts += 1000) {
      clock.set(ts);
      await withBackup.step();
    }
    expect(withBackup.feeds().health()).toMatchObject({ active: "secondary", activeSource: "sim-b" });
    const rows = await t.db.sql.query<{ ts: Date; quality: string }>(
      `SELECT DISTINCT ts, quality FROM "Bar1m" ORDER BY ts`,
    );
    expect(rows.map((r) => [new Date(r.ts).getTime() - T0, r.quality])).toEqual([
      [60_000, "GAP"],
      [120_000, "OK"],
    ]);
  });
});
