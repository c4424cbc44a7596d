// M1: replay of real files from data/ (copied from shared/data): parsing, scaling onto a demo
// symbol, one real day per engine minute, no prints for missing values.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CsvReplaySource, loadReplayFile, parseReplayCsv } from "./csv-replay-source";

const T0 = Date.UTC(2026, 10, 24, 1, 30);
const dataDir = path.join(process.cwd(), "data");

describe("CSV replay source", () => {
  it("replays MSFT daily OHLCV (real file) at one day per minute, scaled to the demo symbol", () => {
    const series = loadReplayFile(path.join(dataDir, "MSFT_ohlcv.csv"), "MSFT");
    const rows = series.get("MSFT") ?? [];
    expect(rows).toHaveLength(249);
    // First row of the file: 2000-09-27, 63.4375, 63.5625, 59.8125, 60.625
    expect(rows[0]).toEqual({ open: 63.4375, high: 63.5625, low: 59.8125, close: 60.625, volume: 53077800 });
    const src = new CsvReplaySource(
      "replay",
      series,
      [{ symbol: "600519.SH", column: "MSFT", prevClose: 60.625, lotSize: 100 }],
      T0,
    );
    const first = src.poll(T0 + 59_000);
    // open, then (a down day) high, low, close at 0, 15, 30, 45 s
    expect(first.ticks.map((t) => [t.ts - T0, t.price])).toEqual([
      [15_000, 63.56],
      [30_000, 59.81],
      [45_000, 60.63],
    ]);
    expect(first.alive).toBe(true);
    const next = src.poll(T0 + 60_000);
    expect(next.ticks.map((t) => t.price)).toEqual([60.81]); // 2000-09-28 open 60.8125
    expect(next.ticks[0]?.book.bids).toHaveLength(5);
  });

  it("parses a wide close-only file (SP2001) and prints nothing for NA", () => {
    const series = loadReplayFile(path.join(dataDir, "SP2001_sp500_constituents.csv"));
    expect(series.size).toBe(500);
    expect(series.get("MSFT")).toHaveLength(103);
    const csv = "date,A,B\n2001-01-01,10,NA\n2001-01-02,11,5\n";
    const s = parseReplayCsv(csv);
    expect(s.get("A")?.[1]).toEqual({ open: 10, high: 11, low: 10, close: 11, volume: null });
    expect(s.get("B")?.[0]).toBeNull();
    const src = new CsvReplaySource(
      "r",
      s,
      [
        { symbol: "600000.SH", column: "A", prevClose: 20, lotSize: 100 },
        { symbol: "600001.SH", column: "B", prevClose: 5, lotSize: 100 },
      ],
      T0,
    );
    const ticks = src.poll(T0 + 60_000).ticks;
    expect(ticks.filter((t) => t.symbol === "600001.SH" && t.ts < T0 + 60_000)).toHaveLength(0); // NA: no prints
    expect(ticks.filter((t) => t.symbol === "600000.SH" && t.ts === T0 + 60_000 + 45_000)).toHaveLength(0);
    expect(ticks.find((t) => t.symbol === "600000.SH" && t.ts === T0 + 60_000)?.price).toBe(20); // scaled: 10 -> 20
  });
});
