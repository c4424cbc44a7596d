import { describe, expect, it } from "vitest";
import {
  accumulateCounters,
  accumulateSymbolFlow,
  addTrade,
  burstiness,
  emptyGaps,
  readableFeatures,
  symbolFlowFeatures,
  type AccountCounters,
  type SymbolFlow,
} from "./account-features";

const gapsOf = (ts: number[]) => {
  const g = emptyGaps();
  for (const t of ts) addTrade(g, t);
  return g;
};

describe("trade clustering (burstiness of the gaps between trades)", () => {
  it("is -1 for trades at an even pace", () => {
    expect(burstiness(gapsOf([0, 10_000, 20_000, 30_000]))).toBe(-1);
  });

  it("works by hand for gaps 1 s, 1 s, 58 s: mu 20, sigma sqrt(722) = 26.870, B = 0.14657", () => {
    const g = gapsOf([0, 1_000, 2_000, 60_000]);
    expect(g.n).toBe(3);
    expect(g.mean).toBeCloseTo(20_000, 9);
    expect(Math.sqrt(g.m2 / g.n)).toBeCloseTo(26_870.057, 2);
    expect(burstiness(g)).toBeCloseTo((26.870057 - 20) / (26.870057 + 20), 5);
  });

  it("says nothing (0) with fewer than two gaps, and for trades all at one instant", () => {
    expect(burstiness(gapsOf([]))).toBe(0);
    expect(burstiness(gapsOf([5_000, 9_000]))).toBe(0);
    expect(burstiness(gapsOf([7, 7, 7]))).toBe(0);
  });

  it("is carried forward: minute by minute equals all at once", () => {
    const ts = [0, 400, 900, 61_000, 61_100, 130_000, 179_000];
    const whole = gapsOf(ts);
    const split = emptyGaps();
    for (const t of ts.slice(0, 3)) addTrade(split, t);
    for (const t of ts.slice(3)) addTrade(split, t);
    expect(burstiness(split)).toBeCloseTo(burstiness(whole), 12);
  });
});

describe("readable account features", () => {
  it("reports orders a minute, cancel ratio, turnover over equity, payments a day, push share and clustering", () => {
    const counters = new Map<string, AccountCounters>();
    const ev = (ts: number, type: string, side = "BUY", price = 10, qty = 100) => ({
      ts,
      account: "a",
      symbol: "600000.SH",
      type,
      side,
      price,
      qty,
    });
    // 4 orders, 1 cancel; trades at 0 s and 30 s and 60 s (even pace); price 10 -> 10.1 (+1%: pushed up).
    accumulateCounters(counters, [
      ev(0, "NEW"),
      ev(1, "NEW"),
      ev(2, "NEW"),
      ev(3, "NEW"),
      ev(4, "CANCEL"),
      ev(10_000, "TRADE", "BUY", 10, 100),
      ev(40_000, "TRADE", "BUY", 10.05, 100),
      ev(70_000, "TRADE", "SELL", 10.1, 200),
    ]);
    const c = counters.get("a") as AccountCounters;
    c.minutes = 2;
    c.equity = 10_000;
    c.deposits = 1;
    const f = readableFeatures(c);
    expect(f.orderRate).toBe(2.5); // 5 orders and cancels over 2 minutes
    expect(f.cancelRatio).toBe(0.25); // 1 cancel / 4 new
    expect(f.turnoverOverEquity).toBeCloseTo((1_000 + 1_005 + 2_020) / 10_000, 12);
    expect(f.paymentFrequency).toBe(120); // 1 payment in 2 minutes = 120 a 240-minute day
    expect(f.pushShare).toBe(1); // every bought share was in the pushed-up minute
    expect(f.tradeClustering).toBe(-1);
  });
});

describe("symbol order flow", () => {
  it("counts a trade printed for both sides once, with the symbol's cancel ratio", () => {
    const flows = new Map<string, SymbolFlow>();
    const e = (ts: number, type: string, orderId: string) => ({ ts, symbol: "X", type, orderId });
    accumulateSymbolFlow(flows, [
      e(0, "NEW", "o1"),
      e(1, "NEW", "o2"),
      e(2, "CANCEL", "o2"),
      e(5_000, "TRADE", "o1"),
      e(5_000, "TRADE", "o3"), // the other side of the same print
      e(15_000, "TRADE", "o1"),
      e(25_000, "TRADE", "o4"),
    ]);
    const f = symbolFlowFeatures(flows.get("X") as SymbolFlow);
    expect(f).toEqual({ cancelRatio: 0.5, tradeClustering: -1, trades: 3 });
  });
});
