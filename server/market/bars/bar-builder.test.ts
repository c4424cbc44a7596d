import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Bar, Book, Tick } from "../types";
import { BarBuilder, floorToMinute } from "./bar-builder";

const T = Date.UTC(2024, 2, 4, 1, 30); // 09:30:00 Beijing time, a minute boundary
const A = "600036.SH";
const B = "601398.SH";

function book(bids: Array<[number, number]>, asks: Array<[number, number]>): Book {
  return {
    bids: bids.map(([price, qty]) => ({ price, qty })),
    asks: asks.map(([price, qty]) => ({ price, qty })),
  };
}

function tick(symbol: string, ts: number, price: number, qty: number, b: Book = book([], [])): Tick {
  return { symbol, ts, price, qty, book: b };
}

describe("BarBuilder", () => {
  it("builds exact bars from a hand-made sequence across two minutes", () => {
    const builder = new BarBuilder();
    const firstBook = book(
      [
        [32.09, 500],
        [32.08, 300],
      ],
      [
        [32.11, 400],
        [32.12, 100],
      ],
    );
    expect(builder.add(tick(A, T + 1_000, 32.1, 200, firstBook))).toEqual([]);
    // Locked book (no asks): counted in volume, ignored in the spread mean.
    expect(builder.add(tick(A, T + 15_000, 32.15, 100, book([[32.14, 200]], [])))).toEqual([]);
    expect(builder.add(tick(B, T + 20_000, 5.12, 1000, book([[5.11, 9000]], [[5.13, 1000]])))).toEqual([]);
    const lastBook = book(
      [
        [32.04, 1000],
        [32.03, 500],
      ],
      [
        [32.06, 700],
        [32.07, 300],
      ],
    );
    expect(builder.add(tick(A, T + 59_999, 32.05, 300, lastBook))).toEqual([]);

    expect(builder.forming(A)?.close).toBe(32.05);
    expect(builder.forming(A)?.volume).toBe(600);

    // 09:31:00.000 belongs to the next minute and closes A's 09:30 bar.
    const closed = builder.add(tick(A, T + 60_000, 32.2, 100, book([[32.19, 100]], [[32.21, 300]])));
    expect(closed).toHaveLength(1);
    const bar = closed[0] as Bar;
    expect(bar).toMatchObject({
      symbol: A,
      ts: T,
      open: 32.1,
      high: 32.15,
      low: 32.05,
      close: 32.05,
      volume: 600,
      trades: 3,
      bidDepth: 1500, // last tick's bids: 1000 + 500
      askDepth: 1000, // 700 + 300
      quality: "OK",
    });
    // 32.10 x 200 + 32.15 x 100 + 32.05 x 300 = 6420 + 3215 + 9615 = 19250
    expect(bar.turnover).toBeCloseTo(19_250, 9);
    expect(bar.vwap).toBeCloseTo(19_250 / 600, 9); // 32.083333...
    // Spreads: 0.02 / 32.10 = 6.2305 bps and 0.02 / 32.05 = 6.2402 bps; the locked tick is skipped.
    expect(bar.spreadBps).toBeCloseTo((6.2305296 + 6.2402496) / 2, 4);
    expect(bar.imbalance).toBeCloseTo((1500 - 1000) / 2500, 12); // 0.2

    // B did not trade after 09:30:20; the engine's minute boundary closes it.
    expect(builder.closeUntil(T + 59_999)).toEqual([]);
    const atBoundary = builder.closeUntil(T + 60_000);
    expect(atBoundary.map((b) => [b.symbol, b.ts])).toEqual([[B, T]]);
    expect(atBoundary[0]).toMatchObject({ open: 5.12, close: 5.12, volume: 1000, bidDepth: 9000, askDepth: 1000 });
    expect(atBoundary[0]?.imbalance).toBeCloseTo(0.8, 12);
    expect(atBoundary[0]?.spreadBps).toBeCloseTo((0.02 / 5.12) * 1e4, 6); // 39.0625

    expect(builder.closeUntil(T + 119_999)).toEqual([]);
    const second = builder.closeUntil(T + 120_000);
    expect(second).toHaveLength(1);
    expect(second[0]).toMatchObject({ symbol: A, ts: T + 60_000, open: 32.2, close: 32.2, volume: 100, trades: 1 });
    expect(second[0]?.spreadBps).toBeCloseTo((0.02 / 32.2) * 1e4, 6);
    expect(second[0]?.imbalance).toBeCloseTo(-0.5, 12);
    expect(builder.forming(A)).toBeUndefined();
  });

  it("never fabricates a bar for a minute without trades", () => {
    const builder = new BarBuilder();
    builder.add(tick(A, T + 5_000, 10, 100));
    expect(builder.closeUntil(T + 60_000)).toHaveLength(1);
    // 09:31 and 09:32 are silent.
    expect(builder.closeUntil(T + 120_000)).toEqual([]);
    expect(builder.closeUntil(T + 180_000)).toEqual([]);
    const closed = builder.add(tick(A, T + 200_000, 10.5, 100));
    expect(closed).toEqual([]);
    const later = builder.closeUntil(T + 240_000);
    expect(later.map((b) => b.ts)).toEqual([T + 180_000]);
  });

  it("gives spread 0 and imbalance 0 when no tick had a two-sided book", () => {
    const builder = new BarBuilder();
    builder.add(tick(A, T + 1_000, 11, 100, book([[11, 5000]], [])));
    builder.add(tick(A, T + 2_000, 11, 200));
    const [bar] = builder.closeUntil(T + 60_000);
    expect(bar).toMatchObject({ spreadBps: 0, bidDepth: 0, askDepth: 0, imbalance: 0, volume: 300, vwap: 11 });
  });

  it("drops and counts ticks whose minute has already closed", () => {
    const builder = new BarBuilder();
    builder.add(tick(A, T + 1_000, 10, 100));
    builder.closeUntil(T + 60_000);
    expect(builder.add(tick(A, T + 59_000, 10.1, 100))).toEqual([]);
    builder.add(tick(A, T + 61_000, 10.2, 100));
    expect(builder.add(tick(A, T + 30_000, 10.3, 100))).toEqual([]);
    expect(builder.countLateTicks()).toBe(2);
    expect(builder.forming(A)).toMatchObject({ ts: T + 60_000, volume: 100, open: 10.2 });
  });

  it("keeps volume, OHLC and minute assignment consistent for random tick streams", () => {
    const step = fc.record({
      symbol: fc.constantFrom(A, B, "300750.SZ"),
      gapMs: fc.integer({ min: 0, max: 40_000 }),
      cents: fc.integer({ min: 900, max: 1100 }),
      lots: fc.integer({ min: 1, max: 50 }),
    });
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 200 }), (steps) => {
        const builder = new BarBuilder();
        const bars: Bar[] = [];
        const ticks: Tick[] = [];
        let ts = T;
        for (const s of steps) {
          ts += s.gapMs;
          const price = s.cents / 100;
          const t = tick(s.symbol, ts, price, s.lots * 100, book([[price - 0.01, 100]], [[price + 0.01, 100]]));
          ticks.push(t);
          bars.push(...builder.add(t));
          // The engine closes minutes as time passes; do it now and then to mix both paths.
          if (s.gapMs % 3 === 0) bars.push(...builder.closeUntil(ts));
        }
        bars.push(...builder.closeUntil(Number.POSITIVE_INFINITY));

        const key = (symbol: string, minute: number): string => `${symbol}|${minute}`;
        const byMinute = new Map<string, Tick[]>();
        for (const t of ticks) {
          const k = key(t.symbol, floorToMinute(t.ts));
          byMinute.set(k, [...(byMinute.get(k) ?? []), t]);
        }
        expect(bars).toHaveLength(byMinute.size);
        const tickQty = ticks.reduce((a, t) => a + t.qty, 0);
        expect(bars.reduce((a, b) => a + b.volume, 0)).toBe(tickQty);
        for (const bar of bars) {
          const own = byMinute.get(key(bar.symbol, bar.ts)) ?? [];
          const prices = own.map((t) => t.price);
          expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
          expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
          expect(bar.high).toBe(Math.max(...prices));
          expect(bar.low).toBe(Math.min(...prices));
          expect(bar.open).toBe(own[0]?.price);
          expect(bar.close).toBe(own[own.length - 1]?.price);
          expect(bar.trades).toBe(own.length);
          expect(bar.vwap).toBeGreaterThanOrEqual(bar.low - 1e-9);
          expect(bar.vwap).toBeLessThanOrEqual(bar.high + 1e-9);
        }
      }),
    );
  });
});
