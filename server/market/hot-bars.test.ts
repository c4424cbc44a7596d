// The hot bar window: served from memory once loaded, following closed bars on the bus (merged with a
// bar that closes while the first load runs), older or longer requests from the database, and a
// bounded number of symbols.
import { describe, expect, it } from "vitest";
import { createInProcessBus } from "../engine/event-bus";
import { barTopic, type BarEvent } from "../engine/market-engine";
import { HotBars } from "./hot-bars";
import type { Bar } from "./types";

const M = 60_000;
const bar = (symbol: string, i: number): Bar =>
  ({ symbol, ts: i * M, open: i, high: i, low: i, close: i, volume: 1 }) as unknown as Bar;

/** A database of bars 0..n-1 per symbol, counting queries. */
function fakeDb(n: number) {
  const calls: Array<[string, number, number | undefined]> = [];
  const load = (symbol: string, limit: number, before?: number) => {
    calls.push([symbol, limit, before]);
    const all = Array.from({ length: n }, (_, i) => bar(symbol, i)).filter(
      (b) => before === undefined || b.ts < before,
    );
    return Promise.resolve(all.slice(Math.max(0, all.length - limit)));
  };
  return { calls, load };
}

describe("HotBars", () => {
  it("the first request loads the window; later ones, and new closed bars, come from memory", async () => {
    const bus = createInProcessBus();
    const db = fakeDb(50);
    const hot = new HotBars(bus, db.load, 30);
    expect((await hot.recent("A", 10)).map((b) => b.ts / M)).toEqual([40, 41, 42, 43, 44, 45, 46, 47, 48, 49]);
    expect(db.calls).toEqual([["A", 30, undefined]]);
    bus.publish<BarEvent>(barTopic("A"), { kind: "closed", bar: bar("A", 50) });
    bus.publish<BarEvent>(barTopic("A"), { kind: "forming", bar: bar("A", 51) }); // not a closed bar
    expect((await hot.recent("A", 3)).map((b) => b.ts / M)).toEqual([48, 49, 50]);
    expect((await hot.recent("A", 3, 45 * M)).map((b) => b.ts / M)).toEqual([42, 43, 44]);
    expect(db.calls).toHaveLength(1);
    expect([hot.hits, hot.misses]).toEqual([3, 0]);
  });

  it("older or longer than the window: the database answers", async () => {
    const db = fakeDb(50);
    const hot = new HotBars(createInProcessBus(), db.load, 30);
    await hot.recent("A", 5);
    // The window holds bars 20..49: 25 bars before 25 needs 0..24; 40 bars exceed the window.
    expect((await hot.recent("A", 25, 25 * M)).map((b) => b.ts / M)).toEqual(Array.from({ length: 25 }, (_, i) => i));
    expect((await hot.recent("A", 40)).length).toBe(40);
    expect(db.calls.slice(1)).toEqual([
      ["A", 25, 25 * M],
      ["A", 40, undefined],
    ]);
  });

  it("a symbol with less history than the window is whole: any request is memory", async () => {
    const db = fakeDb(8);
    const hot = new HotBars(createInProcessBus(), db.load, 30);
    expect((await hot.recent("A", 100)).length).toBe(8);
    expect((await hot.recent("A", 100, 3 * M)).map((b) => b.ts / M)).toEqual([0, 1, 2]);
    expect(db.calls).toHaveLength(1);
  });

  it("a bar closing while the first load runs is merged once", async () => {
    const bus = createInProcessBus();
    let release: () => void = () => undefined;
    const load = (symbol: string, limit: number) =>
      new Promise<Bar[]>((resolve) => {
        release = () => resolve([bar(symbol, 0), bar(symbol, 1)].slice(-limit));
      });
    const hot = new HotBars(bus, load, 30);
    const pending = hot.recent("A", 10);
    bus.publish<BarEvent>(barTopic("A"), { kind: "closed", bar: bar("A", 2) });
    bus.publish<BarEvent>(barTopic("A"), { kind: "closed", bar: bar("A", 1) }); // already in the load too
    release();
    expect((await pending).map((b) => b.ts / M)).toEqual([0, 1, 2]);
  });

  it("keeps at most maxSymbols windows, dropping the least recently used and its subscription", async () => {
    const bus = createInProcessBus();
    const db = fakeDb(5);
    const hot = new HotBars(bus, db.load, 30, 2);
    await hot.recent("A", 1);
    await hot.recent("B", 1);
    await hot.recent("A", 1); // A is now the most recent
    await hot.recent("C", 1); // drops B
    await hot.recent("A", 1);
    await hot.recent("B", 1); // reloads B, drops C
    expect(db.calls.map((c) => c[0])).toEqual(["A", "B", "C", "B"]);
    hot.close();
  });
});
