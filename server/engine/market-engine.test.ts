// The minute close of the engine with a fake clock, bus, database and vendor: after a stall every
// missed minute is closed on its own, in order, with the bars built from its own prints and
// flagged STALE; quiet minutes get their hooks but no bar; closed bars reach the browsers before
// the hooks run.
import { describe, expect, it } from "vitest";
import type { SqlSession } from "../db/connection";
import type { FeedBatch, FeedSource } from "../market/feeds/feed-source";
import { FeedSupervisor } from "../market/feeds/feed-supervisor";
import { MarketSimulator } from "../market/simulator/market-simulator";
import { makeUniverse } from "../market/simulator/test-symbols";
import type { Bar, Tick } from "../market/types";
import { createInProcessBus } from "./event-bus";
import { barTopic, MarketEngine, type BarEvent, type MinuteCloseContext } from "./market-engine";

const T0 = Date.UTC(2026, 10, 24, 1, 30, 0);
const SYM = "600036.SH";

/** A vendor that delivers whatever it has buffered up to the poll time (a WebSocket backlog). */
class BacklogSource implements FeedSource {
  readonly id = "vendor";
  readonly kind = "websocket" as const;
  private queue: Tick[] = [];
  /** How far the vendor's clock runs ahead of the engine's. */
  aheadMs = 0;
  push(ts: number, price: number, qty = 100): void {
    this.queue.push({
      symbol: SYM,
      ts,
      price,
      qty,
      book: { bids: [{ price: price - 0.01, qty: 500 }], asks: [{ price: price + 0.01, qty: 500 }] },
    });
  }
  poll(now: number): FeedBatch {
    const ticks = this.queue.filter((t) => t.ts <= now + this.aheadMs);
    this.queue = this.queue.filter((t) => t.ts > now + this.aheadMs);
    return { ticks, alive: ticks.length > 0 };
  }
  problem() {
    return null;
  }
}

function fakeSql(): SqlSession & { stored: number } {
  const db = {
    stored: 0,
    async exec() {},
    async query<T>(sql: string, params?: unknown[]) {
      if (sql.includes(`INSERT INTO "Bar1m"`)) db.stored += (params?.length ?? 0) / 15;
      return [] as T[];
    },
  };
  return db as SqlSession & { stored: number };
}

function setUp() {
  let now = T0;
  const clock = { speed: 1, now: () => now, realDelayUntil: () => 0 };
  const bus = createInProcessBus();
  const vendor = new BacklogSource();
  const sql = fakeSql();
  const engine = new MarketEngine({
    sim: new MarketSimulator({ symbols: makeUniverse(), seed: 7, startTs: T0 }),
    clock,
    bus,
    sql,
    feeds: () => new FeedSupervisor(vendor, null, T0),
  });
  const step = async (ts: number) => {
    now = ts;
    await engine.step();
  };
  return { engine, bus, vendor, sql, step };
}

describe("market engine minute close", () => {
  it("closes each minute missed in a stall on its own, in order, with its own prints, flagged STALE", async () => {
    const { engine, vendor, step } = setUp();
    const hooks: MinuteCloseContext[] = [];
    engine.onMinuteClose(async (ctx) => void hooks.push(ctx));
    for (let ts = T0 + 1000; ts <= T0 + 30_000; ts += 1000) {
      vendor.push(ts, 10);
      await step(ts);
    }
    // The process stalls from T0+30 s to T0+200 s; the vendor's backlog spans minutes 0, 1 and 3.
    vendor.push(T0 + 40_000, 10.2);
    vendor.push(T0 + 70_000, 10.5, 300);
    vendor.push(T0 + 75_000, 10.4, 200);
    vendor.push(T0 + 190_000, 10.1);
    await step(T0 + 200_000);

    expect(hooks.map((h) => h.minuteTs - T0)).toEqual([0, 60_000, 120_000]);
    const [m0, m1, m2] = hooks;
    expect(m0?.bars.map((b) => [b.ts - T0, b.open, b.close, b.volume, b.quality])).toEqual([
      [0, 10, 10.2, 3100, "STALE"],
    ]);
    expect(m1?.bars.map((b) => [b.ts - T0, b.open, b.high, b.low, b.close, b.volume, b.quality])).toEqual([
      [60_000, 10.5, 10.5, 10.4, 10.4, 500, "STALE"],
    ]);
    expect(m2?.bars).toEqual([]); // no print, no fabricated bar, but its hooks ran
    expect(engine.status().minutesClosed).toBe(3);
    expect(engine.forming(SYM)).toMatchObject({ ts: T0 + 180_000, close: 10.1 });

    // Back to normal stepping: the next minute is closed once, and it is not flagged.
    for (let ts = T0 + 201_000; ts <= T0 + 300_000; ts += 1000) {
      vendor.push(ts, 10);
      await step(ts);
    }
    expect(hooks.map((h) => h.minuteTs - T0)).toEqual([0, 60_000, 120_000, 180_000, 240_000]);
    expect(hooks[3]?.bars.map((b) => b.quality)).toEqual(["STALE"]); // the stall ended inside it
    expect(hooks[4]?.bars.map((b) => b.quality)).toEqual(["OK"]);
  });

  it("a bar closed early by a print of the next minute waits for its own minute's close and hooks", async () => {
    const { engine, vendor, step } = setUp();
    const hooks: MinuteCloseContext[] = [];
    engine.onMinuteClose(async (ctx) => void hooks.push(ctx));
    vendor.push(T0 + 50_000, 10);
    await step(T0 + 55_000);
    vendor.aheadMs = 1000;
    vendor.push(T0 + 60_500, 11);
    await step(T0 + 59_500);
    expect(hooks).toHaveLength(0);
    await step(T0 + 61_000);
    expect(hooks.map((h) => [h.minuteTs - T0, h.bars.map((b) => b.close)])).toEqual([[0, [10]]]);
  });

  it("pushes the closed bars to subscribers before the minute-close hooks run", async () => {
    const { engine, bus, vendor, sql, step } = setUp();
    const pushed: Bar[] = [];
    bus.subscribe<BarEvent>(barTopic(SYM), (e) => e.data.kind === "closed" && pushed.push(e.data.bar));
    const seenByHook: number[] = [];
    const storedByHook: number[] = [];
    engine.onMinuteClose(async () => {
      seenByHook.push(pushed.length);
      storedByHook.push(sql.stored);
    });
    for (let ts = T0 + 1000; ts <= T0 + 60_000; ts += 1000) {
      vendor.push(ts, 10);
      await step(ts);
    }
    expect(seenByHook).toEqual([1]);
    expect(storedByHook).toEqual([1]); // stored first, then pushed, then the hooks
    expect(pushed[0]).toMatchObject({ symbol: SYM, ts: T0, quality: "OK" });
  });
});
