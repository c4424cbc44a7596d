// The per-symbol streaming monitor (M4, M5): indicators on a hand-made bar sequence and the
// detectors firing on a crash after a calm warm-up.
import { describe, expect, it } from "vitest";
import { createPrng } from "../../prng";
import type { Bar } from "../types";
import { MonitorBook } from "./monitor-book";

const T0 = Date.UTC(2026, 10, 24, 1, 30);
function mkBar(i: number, close: number, over: Partial<Bar> = {}): Bar {
  return {
    symbol: "600000.SH",
    ts: T0 + i * 60_000,
    open: close,
    high: close * 1.001,
    low: close * 0.999,
    close,
    volume: 10_000,
    turnover: close * 10_000,
    vwap: close,
    trades: 20,
    spreadBps: 10,
    bidDepth: 50_000,
    askDepth: 50_000,
    imbalance: 0,
    quality: "OK",
    ...over,
  };
}

describe("symbol monitor", () => {
  it("computes the EWMA sigma, trend and spread ratio of a known sequence", () => {
    const book = new MonitorBook();
    book.processBars([mkBar(0, 100)]);
    book.processBars([mkBar(1, 101)]);
    book.processBars([mkBar(2, 99)]);
    expect(book.sigma("600000.SH")).toBeCloseTo(0.010819895524588, 9); // same as the EWMA hand example
    for (let i = 3; i < 20; i++) book.processBars([mkBar(i, 100, { spreadBps: 10 })]);
    book.processBars([mkBar(20, 105, { spreadBps: 40 })]);
    const s = book.snapshot("600000.SH");
    expect(s?.spreadRatio).toBe(4); // 40 / median 10
    expect(s?.trend5).toBeCloseTo(Math.log(105 / 100), 6);
    expect(s?.trend15).toBeCloseTo(Math.log(105 / 100), 6);
    expect(s?.depth).toBe(100_000);
  });

  it("stays quiet in calm and raises CUSUM, volatility and change-point alarms on a crash", () => {
    const rng = createPrng(4);
    const book = new MonitorBook();
    let price = 20;
    const calm: string[] = [];
    for (let i = 0; i < 60; i++) {
      price *= Math.exp(0.001 * rng.normal());
      calm.push(...book.processBars([mkBar(i, price)]).map((a) => a.kind));
    }
    expect(calm.filter((k) => k.startsWith("CUSUM") || k === "VOL_SPIKE")).toHaveLength(0);
    const crash = book.processBars([mkBar(60, price * 0.93, { bidDepth: 5000, askDepth: 20_000, spreadBps: 80 })]);
    const kinds = crash.map((a) => a.kind);
    expect(kinds).toContain("CUSUM_DOWN");
    expect(kinds).toContain("VOL_SPIKE");
    expect(kinds).toContain("DEPTH_DROP");
    expect(kinds).toContain("SPREAD_WIDE");
    expect(crash.find((a) => a.kind === "CUSUM_DOWN")?.severity).toBe("CRITICAL");
    expect(crash.find((a) => a.kind === "CUSUM_DOWN")?.evidence.z).toBeLessThan(-8);
    const after: string[] = [];
    for (let i = 61; i < 66; i++) after.push(...book.processBars([mkBar(i, price * 0.93)]).map((a) => a.kind));
    expect([...kinds, ...after]).toContain("CHANGE_POINT");
  });

  it("records a detector alarm on a GAP-flagged minute, flagged as on a gap, instead of consuming it", () => {
    const rng = createPrng(4);
    const book = new MonitorBook();
    let price = 20;
    for (let i = 0; i < 60; i++) {
      price *= Math.exp(0.001 * rng.normal());
      book.processBars([mkBar(i, price)]);
    }
    const crash = book.processBars([mkBar(60, price * 0.93, { quality: "GAP" })]);
    const cusum = crash.find((a) => a.kind === "CUSUM_DOWN");
    expect(cusum?.evidence).toMatchObject({ dataQuality: "GAP" });
    expect(cusum?.evidence.z).toBeLessThan(-8);
    expect(crash.map((a) => a.kind)).toContain("VOL_SPIKE");
    expect(crash.every((a) => a.evidence.dataQuality === "GAP")).toBe(true);
    // The next clean minute's alarms carry no flag.
    const next = book.processBars([mkBar(61, price * 0.86)]);
    expect(next.length).toBeGreaterThan(0);
    expect(next.some((a) => "dataQuality" in a.evidence)).toBe(false);
  });
});
