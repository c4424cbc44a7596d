import { describe, expect, it } from "vitest";
import type { Bar } from "../types";
import { aggregateBars } from "./bar-builder";

const T = Date.UTC(2024, 2, 4, 1, 30); // 09:30 Beijing time: a 5- and 15-minute boundary
const MIN = 60_000;

/** A 1m bar from a table row: OHLC, volume, turnover, trades, spread, bid/ask depth, imbalance. */
function bar(
  minute: number,
  [open, high, low, close]: [number, number, number, number],
  [volume, turnover, trades, spreadBps]: [number, number, number, number],
  [bidDepth, askDepth, imbalance]: [number, number, number],
  quality: Bar["quality"] = "OK",
): Bar {
  const prices = { open, high, low, close, vwap: turnover / volume };
  const depth = { bidDepth, askDepth, imbalance };
  const flows = { volume, turnover, trades, spreadBps };
  return { symbol: "600036.SH", ts: T + minute * MIN, ...prices, ...flows, ...depth, quality };
}

// 09:33 has no trades, so there is no 1m bar for it.
const ONE_MINUTE: Bar[] = [
  bar(0, [10, 10.5, 9.9, 10.2], [1000, 10_150, 5, 10], [5000, 3000, 0.25]),
  bar(1, [10.2, 10.8, 10.1, 10.7], [2000, 21_000, 8, 12], [4000, 4000, 0]),
  bar(2, [10.7, 10.7, 10.3, 10.4], [500, 5200, 2, 14], [3000, 1000, 0.5]),
  bar(4, [10.4, 10.6, 10.0, 10.1], [1500, 15_450, 6, 20], [2000, 6000, -0.5]),
  bar(5, [10.1, 10.3, 10.05, 10.25], [800, 8160, 3, 8], [1000, 1000, 0], "STALE"),
  bar(6, [10.25, 10.4, 10.2, 10.3], [1200, 12_360, 4, 10], [3000, 1000, 0.5]),
];

describe("aggregateBars", () => {
  it("rolls 1m bars into 5m buckets", () => {
    const [first, second, ...rest] = aggregateBars(ONE_MINUTE, 5);
    expect(rest).toEqual([]);
    // 09:30-09:34: turnover 10150 + 21000 + 5200 + 15450 = 51800 over 5000 shares -> vwap 10.36;
    // spread (10 + 12 + 14 + 20) / 4 = 14; depth and imbalance from the 09:34 bar.
    expect(first).toMatchObject({ ts: T, open: 10, high: 10.8, low: 9.9, close: 10.1, volume: 5000, trades: 21 });
    expect(first).toMatchObject({ bidDepth: 2000, askDepth: 6000, imbalance: -0.5, quality: "OK" });
    expect(first?.turnover).toBeCloseTo(51_800, 9);
    expect(first?.vwap).toBeCloseTo(10.36, 12);
    expect(first?.spreadBps).toBeCloseTo(14, 12);
    // 09:35-09:36: 8160 + 12360 = 20520 over 2000 -> 10.26; spread (8 + 10) / 2 = 9; STALE carries.
    expect(second).toMatchObject({ ts: T + 5 * MIN, open: 10.1, high: 10.4, low: 10.05, close: 10.3, volume: 2000 });
    expect(second).toMatchObject({ trades: 7, bidDepth: 3000, askDepth: 1000, imbalance: 0.5, quality: "STALE" });
    expect(second?.vwap).toBeCloseTo(10.26, 12);
    expect(second?.spreadBps).toBeCloseTo(9, 12);
  });

  it("rolls 1m bars into one 15m bucket", () => {
    const buckets = aggregateBars(ONE_MINUTE, 15);
    expect(buckets).toHaveLength(1);
    // 72320 / 7000 = 10.331428...; spread 74 / 6 = 12.333...
    expect(buckets[0]).toMatchObject({ ts: T, open: 10, high: 10.8, low: 9.9, close: 10.3, volume: 7000, trades: 28 });
    expect(buckets[0]?.quality).toBe("STALE");
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
