// M1: the supervisor with fake sources: staleness, failover, fail-back, divergence, an outage that
// throws, and the data-quality flags on bars.
import { describe, expect, it } from "vitest";
import type { Bar, Tick } from "../types";
import type { FeedBatch, FeedSource } from "./feed-source";
import { FeedSupervisor } from "./feed-supervisor";

class FakeSource implements FeedSource {
  readonly kind = "simulator" as const;
  down = false;
  throws = false;
  price = 10;
  constructor(readonly id: string) {}
  poll(now: number): FeedBatch {
    if (this.throws) throw new Error("socket reset");
    if (this.down) return { ticks: [], alive: false };
    const tick: Tick = { symbol: "600000.SH", ts: now, price: this.price, qty: 100, book: { bids: [], asks: [] } };
    return { ticks: [tick], alive: true };
  }
  problem() {
    return null;
  }
}

const T0 = Date.UTC(2026, 10, 24, 1, 30);
const bar = (ts: number): Bar => ({
  symbol: "600000.SH",
  ts,
  open: 10,
  high: 10,
  low: 10,
  close: 10,
  volume: 100,
  turnover: 1000,
  vwap: 10,
  trades: 1,
  spreadBps: 10,
  bidDepth: 0,
  askDepth: 0,
  imbalance: 0,
  quality: "OK",
});

function run(sup: FeedSupervisor, from: number, to: number, step = 1000): Tick[] {
  const out: Tick[] = [];
  for (let t = from; t <= to; t += step) out.push(...sup.poll(t));
  return out;
}

describe("feed supervisor (M1)", () => {
  it("passes the primary's prints while it is healthy", () => {
    const a = new FakeSource("a");
    const b = new FakeSource("b");
    const sup = new FeedSupervisor(a, b, T0);
    expect(run(sup, T0 + 1000, T0 + 5000)).toHaveLength(5);
    expect(sup.health()).toMatchObject({ active: "primary", status: "ok", activeSource: "a" });
    expect(sup.qualityFor(bar(T0))).toBe("OK");
  });

  it("detects staleness after staleMs, fails over, then fails back after failbackMs of health", () => {
    const a = new FakeSource("a");
    const b = new FakeSource("b");
    b.price = 10.001;
    const sup = new FeedSupervisor(a, b, T0, { staleMs: 10_000, failbackMs: 30_000 });
    run(sup, T0 + 1000, T0 + 5000);
    a.down = true;
    run(sup, T0 + 6000, T0 + 15_000);
    expect(sup.health().active).toBe("primary"); // 10 s without a print is not yet stale
    const after = sup.poll(T0 + 16_000);
    expect(sup.health()).toMatchObject({ active: "secondary", activeSource: "b", status: "degraded" });
    expect(after[0]?.price).toBe(10.001); // the secondary's prints
    expect(sup.health().events.map((e) => e.kind)).toEqual(["FAILOVER", "STALE"]);
    expect(sup.qualityFor(bar(T0))).toBe("GAP"); // the failover minute
    a.down = false;
    run(sup, T0 + 17_000, T0 + 46_000);
    expect(sup.health().active).toBe("secondary"); // healthy for 29 s: not yet
    sup.poll(T0 + 47_000);
    expect(sup.health().active).toBe("primary");
    expect(sup.health().events[0]?.kind).toBe("FAILBACK");
  });

  it("stays on a stale primary when the secondary is stale too, and flags the bars STALE", () => {
    const a = new FakeSource("a");
    const b = new FakeSource("b");
    const sup = new FeedSupervisor(a, b, T0);
    a.down = true;
    b.down = true;
    expect(run(sup, T0 + 61_000, T0 + 75_000)).toHaveLength(0); // no prints, no fabricated bars
    expect(sup.health()).toMatchObject({ active: "primary", status: "down" });
    expect(sup.qualityFor(bar(T0 + 60_000))).toBe("STALE");
  });

  it("survives a source that throws (an outage) and fails over", () => {
    const a = new FakeSource("a");
    const b = new FakeSource("b");
    const sup = new FeedSupervisor(a, b, T0);
    a.throws = true;
    expect(() => run(sup, T0 + 1000, T0 + 12_000)).not.toThrow();
    expect(sup.health().active).toBe("secondary");
    expect(sup.health().sources[0]).toMatchObject({ errors: 12, problem: "socket reset" });
  });

  it("detects divergence above X bps and flags that symbol's bar STALE", () => {
    const a = new FakeSource("a");
    const b = new FakeSource("b");
    b.price = 10.05; // 49.75 bps away from 10: under 100 bps
    const sup = new FeedSupervisor(a, b, T0, { divergenceBps: 100 });
    run(sup, T0 + 1000, T0 + 3000);
    expect(sup.health().divergingSymbols).toBe(0);
    b.price = 10.2; // ~196 bps
    run(sup, T0 + 61_000, T0 + 63_000);
    expect(sup.health()).toMatchObject({ divergingSymbols: 1, status: "degraded" });
    expect(sup.health().maxDivergenceBps).toBeCloseTo(196.1, 1);
    expect(sup.qualityFor(bar(T0 + 60_000))).toBe("STALE");
    expect(sup.qualityFor(bar(T0))).toBe("OK");
  });

  it("an ADMIN switch replaces the sources and flags the minute GAP", () => {
    const a = new FakeSource("a");
    const b = new FakeSource("b");
    const c = new FakeSource("c");
    const sup = new FeedSupervisor(a, b, T0);
    sup.setSources(c, a, T0 + 2000);
    expect(sup.health()).toMatchObject({ activeSource: "c" });
    expect(sup.health().events[0]?.kind).toBe("SWITCH");
    expect(sup.qualityFor(bar(T0))).toBe("GAP");
  });

  it("an engine stall flags every minute it touched STALE, however long it lasted, and no other", () => {
    const sup = new FeedSupervisor(new FakeSource("a"), null, T0);
    run(sup, T0 + 1000, T0 + 30_000);
    sup.noteStall(T0 + 30_000, T0 + 15 * 60_000 + 5000, T0 + 15 * 60_000 + 5000);
    run(sup, T0 + 15 * 60_000 + 5000, T0 + 16 * 60_000 + 5000);
    expect(sup.qualityFor(bar(T0))).toBe("STALE");
    expect(sup.qualityFor(bar(T0 + 7 * 60_000))).toBe("STALE");
    expect(sup.qualityFor(bar(T0 + 15 * 60_000))).toBe("STALE");
    expect(sup.qualityFor(bar(T0 + 16 * 60_000))).toBe("OK");
    expect(sup.qualityFor(bar(T0 - 60_000))).toBe("OK");
    expect(sup.health().events[0]).toMatchObject({ kind: "STALE", source: "engine" });
  });
});
