// Statistical behaviour of the simulated market (M2) with fixed seeds: stress widens and thins
// the book, sectors co-move, regimes switch at the calibrated rates, shocks respect the limits.
import { describe, expect, it } from "vitest";
import type { Regime, SymbolSpec } from "../types";
import { MarketSimulator } from "./market-simulator";
import type { SimulatorParams } from "./sim-params";
import { makeSymbol, makeUniverse } from "./test-symbols";

const T0 = Date.UTC(2024, 2, 4, 1, 30);
const PINNED: Partial<SimulatorParams> = { calmToStressedPerMin: 0, stressedToCalmPerMin: 0 };
const NO_JUMPS: Partial<SimulatorParams> = {
  jumpRatePerMin: { CALM: 0, STRESSED: 0 },
  marketJumpRatePerMin: { CALM: 0, STRESSED: 0 },
};

function mean(xs: number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

function correlation(xs: number[], ys: number[]): number {
  const mx = mean(xs);
  const my = mean(ys);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    const dy = (ys[i] ?? my) - my;
    sxy += (x - mx) * dy;
    sxx += (x - mx) ** 2;
    syy += dy * dy;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** Mean quoted spread (bps) and mean 5-level depth (shares, both sides) in a pinned regime. */
function measureBooks(regime: Regime): { spreadBps: number; depth: number } {
  const specs = makeUniverse().filter((s) => !s.suspended);
  const sim = new MarketSimulator({ symbols: specs, seed: 17, startTs: T0, params: PINNED });
  sim.setRegime(regime);
  const spreads: number[] = [];
  const depths: number[] = [];
  for (let s = 1; s <= 3000; s++) {
    sim.step(T0 + s * 1000);
    for (const spec of specs) {
      const book = sim.getBook(spec.code);
      const bid = book?.bids[0];
      const ask = book?.asks[0];
      if (book === undefined || bid === undefined || ask === undefined) continue;
      spreads.push(((ask.price - bid.price) / ((ask.price + bid.price) / 2)) * 1e4);
      depths.push([...book.bids, ...book.asks].reduce((a, l) => a + l.qty, 0));
    }
  }
  return { spreadBps: mean(spreads), depth: mean(depths) };
}

describe("MarketSimulator behaviour", () => {
  it("quotes wider and thinner books in the stressed regime", () => {
    const calm = measureBooks("CALM");
    const stressed = measureBooks("STRESSED");
    // Calibrated at 3x spread and 0.35x depth; tick rounding compresses the spread ratio a bit.
    expect(stressed.spreadBps).toBeGreaterThan(1.8 * calm.spreadBps);
    expect(stressed.depth).toBeLessThan(0.5 * calm.depth);
  });

  it("trades about avgDailyValue per 240-minute day in calm, more in stress", () => {
    const traded = (regime: Regime): number => {
      const spec = makeSymbol({ code: "A", avgDailyValue: 2e9, prevClose: 25 });
      const sim = new MarketSimulator({ symbols: [spec], seed: 4, startTs: T0, params: { ...PINNED, ...NO_JUMPS } });
      sim.setRegime(regime);
      let value = 0;
      for (let s = 1; s <= 240 * 60; s++) for (const t of sim.step(T0 + s * 1000)) value += t.price * t.qty;
      return value;
    };
    const calm = traded("CALM");
    expect(calm / 2e9).toBeGreaterThan(0.9);
    expect(calm / 2e9).toBeLessThan(1.1);
    expect(traded("STRESSED")).toBeGreaterThan(1.5 * calm);
  });

  it("has ~3x the one-minute volatility when stressed", () => {
    const minuteVol = (regime: Regime): number => {
      const spec = makeSymbol({ code: "A", prevClose: 100, avgDailyValue: 1e10 });
      const sim = new MarketSimulator({ symbols: [spec], seed: 21, startTs: T0, params: { ...PINNED, ...NO_JUMPS } });
      sim.setRegime(regime);
      const returns: number[] = [];
      let prev = sim.getLast("A") ?? 0;
      for (let m = 1; m <= 2000; m++) {
        if (m % 240 === 0) sim.startNewDay(T0 + m * 60_000);
        sim.step(T0 + m * 60_000);
        const last = sim.getLast("A") ?? prev;
        returns.push(Math.log(last / prev));
        prev = last;
      }
      const mu = mean(returns);
      return Math.sqrt(mean(returns.map((r) => (r - mu) ** 2)));
    };
    const ratio = minuteVol("STRESSED") / minuteVol("CALM");
    expect(ratio).toBeGreaterThan(2.4);
    expect(ratio).toBeLessThan(3.6);
  });

  it("switches regime as a two-state Markov chain at the calibrated rates", () => {
    // Stationary share of stress = p(calm->stressed) / (p(c->s) + p(s->c)) = 0.05 / 0.25 = 0.2.
    const sim = new MarketSimulator({
      symbols: [makeSymbol({ code: "A" })],
      seed: 3,
      startTs: T0,
      params: { calmToStressedPerMin: 0.05, stressedToCalmPerMin: 0.2 },
    });
    let stressed = 0;
    let switches = 0;
    let prev = sim.getRegime();
    const minutes = 20_000;
    for (let m = 1; m <= minutes; m++) {
      sim.step(T0 + m * 60_000);
      const regime = sim.getRegime();
      if (regime === "STRESSED") stressed++;
      if (regime !== prev) switches++;
      prev = regime;
    }
    expect(stressed / minutes).toBeGreaterThan(0.17);
    expect(stressed / minutes).toBeLessThan(0.23);
    // Expected switches per minute = 2 * 0.8 * 0.05 = 0.08.
    expect(switches / minutes).toBeGreaterThan(0.07);
    expect(switches / minutes).toBeLessThan(0.09);
  });

  it("correlates stocks of one sector more than stocks of different sectors", () => {
    const symbols: SymbolSpec[] = ["A", "B", "C"].map((code, i) =>
      makeSymbol({ code, sector: i < 2 ? "BANKS" : "CHIPS", prevClose: 100, avgDailyValue: 1e10 }),
    );
    const sim = new MarketSimulator({ symbols, seed: 12, startTs: T0, params: { ...PINNED, ...NO_JUMPS } });
    const returns = new Map<string, number[]>(symbols.map((s) => [s.code, []]));
    let prev = symbols.map((s) => sim.getLast(s.code) ?? 0);
    for (let m = 1; m <= 3000; m++) {
      if (m % 240 === 0) sim.startNewDay(T0 + m * 60_000);
      sim.step(T0 + m * 60_000);
      const now = symbols.map((s, i) => sim.getLast(s.code) ?? prev[i] ?? 0);
      symbols.forEach((s, i) => returns.get(s.code)?.push(Math.log((now[i] ?? 0) / (prev[i] ?? 1))));
      prev = now;
    }
    const r = (code: string): number[] => returns.get(code) ?? [];
    const same = correlation(r("A"), r("B"));
    const cross = correlation(r("A"), r("C"));
    // Model values: same sector (0.64 + 0.5) / 1.64 = 0.70, different sectors 0.64 / 1.64 = 0.39.
    expect(same).toBeGreaterThan(cross + 0.15);
    expect(same).toBeGreaterThan(0.55);
    expect(cross).toBeGreaterThan(0.25);
  });
});

describe("MarketSimulator shocks and days", () => {
  it("a -30% shock on a main-board stock ends locked at limit-down", () => {
    const sim = new MarketSimulator({ symbols: [makeSymbol({ code: "A", prevClose: 10 })], seed: 6, startTs: T0 });
    sim.injectShock({ symbols: ["A"], returnPct: -0.3 });
    expect(sim.getLast("A")).toBe(9);
    expect(sim.getBook("A")?.bids).toEqual([]);
    expect(sim.getBook("A")?.asks[0]?.price).toBe(9);
    const prints = [];
    for (let s = 1; s <= 120; s++) prints.push(...sim.step(T0 + s * 1000));
    expect(prints.length).toBeGreaterThan(0);
    expect(prints.every((t) => t.price === 9)).toBe(true);
    expect(sim.getLast("A")).toBe(9);
  });

  it("clamps a shock on ChiNext to its 20% band", () => {
    const spec = makeSymbol({ code: "B", board: "CHINEXT", prevClose: 12.34 });
    const sim = new MarketSimulator({ symbols: [spec], seed: 6, startTs: T0 });
    sim.injectShock({ symbols: ["B"], returnPct: 0.5 });
    expect(sim.getLast("B")).toBe(14.81);
    expect(sim.getBook("B")?.asks).toEqual([]);
  });

  it("rejects percent-style returns and unknown symbols without applying anything", () => {
    const sim = new MarketSimulator({ symbols: [makeSymbol({ code: "A" })], seed: 6, startTs: T0 });
    expect(() => sim.injectShock({ symbols: ["A"], returnPct: -30 })).toThrow(RangeError);
    expect(() => sim.injectShock({ symbols: ["A", "ZZZ"], returnPct: -0.05 })).toThrow(/ZZZ/);
    expect(() => sim.injectShock({ symbols: ["A"], returnPct: 0, liquidityFactor: 0 })).toThrow(RangeError);
    expect(sim.getLast("A")).toBe(10);
  });

  it("thins the book for the given number of steps, then recovers", () => {
    const depthOver = (sim: MarketSimulator, from: number, to: number): number => {
      const depths: number[] = [];
      for (let s = from; s <= to; s++) {
        sim.step(T0 + s * 1000);
        const book = sim.getBook("A");
        depths.push([...(book?.bids ?? []), ...(book?.asks ?? [])].reduce((a, l) => a + l.qty, 0));
      }
      return mean(depths);
    };
    const make = (): MarketSimulator =>
      new MarketSimulator({ symbols: [makeSymbol({ code: "A" })], seed: 9, startTs: T0, params: PINNED });
    const base = make();
    const shocked = make();
    shocked.injectShock({ symbols: ["A"], returnPct: 0, liquidityFactor: 0.2, durationSteps: 30 });
    expect(depthOver(shocked, 1, 30)).toBeLessThan(0.35 * depthOver(base, 1, 30));
    const after = depthOver(shocked, 31, 600) / depthOver(base, 31, 600);
    expect(after).toBeGreaterThan(0.85);
    expect(after).toBeLessThan(1.15);
  });

  it("a liquidity shock lasts exactly durationSteps steps", () => {
    const sim = new MarketSimulator({ symbols: [makeSymbol({ code: "A" })], seed: 10, startTs: T0, params: PINNED });
    sim.injectShock({ symbols: ["A"], returnPct: 0, liquidityFactor: 0.01, durationSteps: 30 });
    const depths: number[] = [];
    for (let s = 1; s <= 40; s++) {
      sim.step(T0 + s * 1000);
      const book = sim.getBook("A");
      depths.push([...(book?.bids ?? []), ...(book?.asks ?? [])].reduce((a, l) => a + l.qty, 0));
    }
    // At 1% depth ten levels hold at most ~28,000 shares; a normal book of this name holds ~10x that.
    expect(Math.max(...depths.slice(0, 30))).toBeLessThan(30_000);
    expect(Math.min(...depths.slice(30))).toBeGreaterThan(30_000);
  });

  it("startNewDay sets prevClose to the last price and recomputes the limits", () => {
    const sim = new MarketSimulator({ symbols: makeUniverse(), seed: 2, startTs: T0 });
    for (let s = 1; s <= 600; s++) sim.step(T0 + s * 1000);
    const last = sim.getLast("300750.SZ") ?? 0;
    sim.startNewDay(T0 + 86_400_000);
    const spec = sim.getSymbols().find((s) => s.code === "300750.SZ");
    expect(spec?.prevClose).toBe(last);
    expect(sim.getLimits("300750.SZ")).toEqual({
      up: Math.round(last * 1.2 * 100) / 100,
      down: Math.round(last * 0.8 * 100) / 100,
    });
    // The overnight gap is not a step: the next second prints a normal second's worth.
    expect(sim.step(T0 + 86_400_000 + 1000).length).toBeLessThan(30);
  });
});
