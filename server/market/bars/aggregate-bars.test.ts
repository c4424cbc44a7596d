import { describe, expect, it } from "vitest";
import type { Bar } from "../types";
import { aggregateBars } from "./bar-builder";

const T = Date.UTC(2024, 2, 4, 1, 30); // 09:30 Beijing time: a 5- and 15-minute boundary
const MIN = 60_000;

function bar(minute: number, fields: Partial<Bar>): Bar {
  return {
    symbol: "600036.SH",
    ts: T + minute * MIN,
    open: 0,
    high: 0,
    low: 0,
    close: 0,
    volume: 0,
    turnover: 0,
    vwap: 0,
    trades: 0,
    spreadBps: 0,
    bidDepth: 0,
    askDepth: 0,
    imbalance: 0,
    quality: "OK",
    ...fields,
  };
}

// 09:33 has no trades, so there is no 1m bar for it.
const ONE_MINUTE: Bar[] = [
  bar(0, { open: 10, high: 10.5, low: 9.9, close: 10.2, volume: 1000, turnover: 10_150, trades: 5, spreadBps: 10, bidDepth: 5000, askDepth: 3000, imbalance: 0.25 }),
  bar(1, { open: 10.2, high: 10.8, low: 10.1, close: 10.7, volume: 2000, turnover: 21_000, trades: 8, spreadBps: 12, bidDepth: 4000, askDepth: 4000 }),
  bar(2, { open: 10.7, high: 10.7, low: 10.3, close: 10.4, volume: 500, turnover: 5200, trades: 2, spreadBps: 14, bidDepth: 3000, askDepth: 1000, imbalance: 0.5 }),
  bar(4, { open: 10.4, high: 10.6, low: 10.0, close: 10.1, volume: 1500, turnover: 15_450, trades: 6, spreadBps: 20, bidDepth: 2000, askDepth: 6000, imbalance: -0.5 }),
  bar(5, { open: 10.1, high: 10.3, low: 10.05, close: 10.25, volume: 800, turnover: 8160, trades: 3, spreadBps: 8, bidDepth: 1000, askDepth: 1000, quality: "STALE" }),
  bar(6, { open: 10.25, high: 10.4, low: 10.2, close: 10.3, volume: 1200, turnover: 12_360, trades: 4, spreadBps: 10, bidDepth: 3000, askDepth: 1000, imbalance: 0.5 }),
];

describe("aggregateBars", () => {
  it("rolls 1m bars into 5m buckets", () => {
    const [first, second, ...rest] = aggregateBars(ONE_MINUTE, 5);
    expect(rest).toEqual([]);
    // 09:30-09:34: turnover 10150 + 21000 + 5200 + 15450 = 51800 over 5000 shares -> vwap 10.36;
    // spread (10 + 12 + 14 + 20) / 4 = 14; depth and imbalance from the 09:34 bar.
    expect(first).toMatchObject({ ts: T, open: 10, high: 10.8, low: 9.9, close: 10.1, volume: 5000, trades: 21, bidDepth: 2000, askDepth: 6000, imbalance: -0.5, quality: "OK" });
    expect(first?.turnover).toBeCloseTo(51_800, 9);
    expect(first?.vwap).toBeCloseTo(10.36, 12);
    expect(first?.spreadBps).toBeCloseTo(14, 12);
    // 09:35-09:36: 8160 + 12360 = 20520 over 2000 -> 10.26; spread (8 + 10) / 2 = 9; STALE carries.
    expect(second).toMatchObject({ ts: T + 5 * MIN, open: 10.1, high: 10.4, low: 10.05, close: 10.3, volume: 2000, trades: 7, bidDepth: 3000, askDepth: 1000, imbalance: 0.5, quality: "STALE" });
    expect(second?.vwap).toBeCloseTo(10.26, 12);
    expect(second?.spreadBps).toBeCloseTo(9, 12);
  });

  it("rolls 1m bars into one 15m bucket", () => {
    const buckets = aggregateBars(ONE_MINUTE, 15);
    expect(buckets).toHaveLength(1);
    // 72320 / 7000 = 10.331428...; spread 74 / 6 = 12.333...
    expect(buckets[0]).toMatchObject({ ts: T, open: 10, high: 10.8, low: 9.9, close: 10.3, volume: 7000, trades: 28, quality: "STALE" });
    expect(buckets[0]?.vwap).toBeCloseTo(72_320 / 7000, 12);
    expect(buckets[0]?.spreadBps).toBeCloseTo(74 / 6, 12);
  });

  it("keeps symbols apart, orders by symbol then time, and leaves its input untouched", () => {
    const other = ONE_MINUTE.slice(0, 2).map((b) => ({ ...b, symbol: "000001.SZ" }));
    const input = [...ONE_MINUTE].reverse().concat(other);
    const copy = structuredClone(input);
    const buckets = aggregateBars(input, 5);
    expect(buckets.map((b) => [b.symbol, b.ts, b.volume])).toEqual([
      ["000001.SZ", T, 3000],
      ["600036.SH", T, 5000],
      ["600036.SH", T + 5 * MIN, 2000],
    ]);
    expect(input).toEqual(copy);
    expect(aggregateBars([], 5)).toEqual([]);
  });
});
