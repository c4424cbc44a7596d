// Invariants of the simulated market (M2) over thousands of steps: exchange rules on every print
// and every book, suspensions, determinism.
import { describe, expect, it } from "vitest";
import type { Book, SymbolSpec, Tick } from "../types";
import { MarketSimulator } from "./market-simulator";
import type { PriceLimits } from "./price-rules";
import type { SimulatorParams } from "./sim-params";
import { makeSymbol, makeUniverse } from "./test-symbols";

const T0 = Date.UTC(2024, 2, 4, 1, 30); // 09:30 Beijing time
const onTick = (price: number): boolean => Math.abs(price * 100 - Math.round(price * 100)) < 1e-6;

/** Frequent regime switches and big jumps, so limits get hit and both regimes are exercised. */
const ROUGH: Partial<SimulatorParams> = {
  calmToStressedPerMin: 0.05,
  stressedToCalmPerMin: 0.1,
  jumpRatePerMin: { CALM: 0.01, STRESSED: 0.05 },
  jumpStd: { CALM: 0.05, STRESSED: 0.08 },
};

/**
 * Rule violations of a book, as messages. Plain checks rather than expect() per level: the
 * invariant runs look at millions of levels and expect() is too slow for that.
 */
function findBookProblems(book: Book, limits: PriceLimits, lot: number): string[] {
  const problems: string[] = [];
  if (book.bids.length > 5 || book.asks.length > 5) problems.push("more than 5 levels");
  for (const level of [...book.bids, ...book.asks]) {
    if (!onTick(level.price)) problems.push(`level off tick ${level.price}`);
    if (level.price < limits.down || level.price > limits.up) problems.push(`level outside limits ${level.price}`);
    if (!(level.qty > 0) || level.qty % lot !== 0) problems.push(`level qty ${level.qty}`);
  }
  const descending = book.bids.every((l, i) => i === 0 || l.price < (book.bids[i - 1]?.price ?? 0));
  const ascending = book.asks.every((l, i) => i === 0 || l.price > (book.asks[i - 1]?.price ?? 0));
  if (!descending) problems.push("bids not strictly descending");
  if (!ascending) problems.push("asks not strictly ascending");
  const bid = book.bids[0];
  const ask = book.asks[0];
  if (bid !== undefined && ask !== undefined && !(bid.price < ask.price)) problems.push("crossed or locked book");
  // A one-sided book only happens when locked at the limit on the quoted side.
  if (ask === undefined && bid !== undefined && bid.price !== limits.up) problems.push("no asks below limit-up");
  if (bid === undefined && ask !== undefined && ask.price !== limits.down) problems.push("no bids above limit-down");
  return problems;
}

function findTickProblems(tick: Tick, ts: number, limits: PriceLimits, lot: number): string[] {
  const problems = findBookProblems(tick.book, limits, lot);
  if (tick.ts !== ts) problems.push(`tick ts ${tick.ts} != step ${ts}`);
  if (!onTick(tick.price)) problems.push(`price off tick ${tick.price}`);
  if (tick.price < limits.down || tick.price > limits.up) problems.push(`price outside limits ${tick.price}`);
  if (!(tick.qty > 0) || tick.qty % lot !== 0) problems.push(`qty ${tick.qty}`);
  // Trades never walk the book, so the print sits between the post-trade touches.
  const bid = tick.book.bids[0];
  const ask = tick.book.asks[0];
  if (bid !== undefined && tick.price < bid.price) problems.push("print below best bid");
  if (ask !== undefined && tick.price > ask.price) problems.push("print above best ask");
  return problems.map((p) => `${tick.symbol}@${ts}: ${p}`);
}

function run(sim: MarketSimulator, steps: number, stepMs = 1000): Tick[] {
  const all: Tick[] = [];
  for (let s = 1; s <= steps; s++) all.push(...sim.step(T0 + s * stepMs));
  return all;
}

describe("MarketSimulator invariants", () => {
  it.each([1, 2, 3, 20240304])("seed %d: prints and books obey the exchange rules", (seed) => {
    const specs = makeUniverse();
    const lots = new Map(specs.map((s) => [s.code, s.lotSize]));
    const sim = new MarketSimulator({ symbols: specs, seed, startTs: T0, params: ROUGH });
    let lockedBooks = 0;
    let stressedSteps = 0;
    let printCount = 0;
    const problems: string[] = [];
    let ts = T0;
    for (let s = 1; s <= 4000; s++) {
      // Mostly one-second steps, with a longer step now and then and a day roll every 1000 steps.
      ts += s % 97 === 0 ? 45_000 : 1000;
      if (s % 1000 === 0) sim.startNewDay(ts);
      const ticks = sim.step(ts);
      printCount += ticks.length;
      if (sim.getRegime() === "STRESSED") stressedSteps++;
      for (const tick of ticks) {
        const limits = sim.getLimits(tick.symbol);
        if (limits === undefined) problems.push(`unknown symbol ${tick.symbol}`);
        else problems.push(...findTickProblems(tick, ts, limits, lots.get(tick.symbol) ?? 0));
        if (tick.symbol === "000001.SZ") problems.push("suspended symbol traded");
      }
      for (const spec of specs) {
        const book = sim.getBook(spec.code);
        const limits = sim.getLimits(spec.code);
        if (book === undefined || limits === undefined) throw new Error(`missing state for ${spec.code}`);
        problems.push(...findBookProblems(book, limits, spec.lotSize).map((p) => `${spec.code}@${ts}: ${p}`));
        if (!spec.suspended && (book.bids.length === 0 || book.asks.length === 0)) lockedBooks++;
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(printCount).toBeGreaterThan(10_000);
    // The rough calibration must actually reach the limits and the stressed regime.
    expect(lockedBooks).toBeGreaterThan(0);
    expect(stressedSteps).toBeGreaterThan(0);
    expect(sim.getBook("000001.SZ")).toEqual({ bids: [], asks: [] });
    expect(sim.getLast("000001.SZ")).toBe(10);
  });

  it("is deterministic for a seed", () => {
    const make = (seed: number): MarketSimulator =>
      new MarketSimulator({ symbols: makeUniverse(), seed, startTs: T0, params: ROUGH });
    const a = run(make(99), 2000);
    const b = run(make(99), 2000);
    expect(a.length).toBeGreaterThan(1000);
    expect(b).toEqual(a);
    expect(run(make(100), 2000)).not.toEqual(a);
  });

  it("prints 0-2 trades per symbol per step on average at 300 symbols", () => {
    const specs: SymbolSpec[] = Array.from({ length: 300 }, (_, i) =>
      makeSymbol({
        code: `S${i}`,
        sector: `SECTOR${i % 12}`,
        board: i % 5 === 0 ? "CHINEXT" : "MAIN",
        prevClose: 3 + (i % 50) * 2.17,
        avgDailyValue: 10 ** (7 + (i % 30) / 10),
      }),
    );
    const sim = new MarketSimulator({ symbols: specs, seed: 5, startTs: T0 });
    const steps = 600;
    const ticks = run(sim, steps);
    const perSymbolStep = ticks.length / (steps * specs.length);
    expect(perSymbolStep).toBeGreaterThan(0.2);
    expect(perSymbolStep).toBeLessThan(2);
  });

  it("ignores steps that do not move time forward and unknown symbols", () => {
    const sim = new MarketSimulator({ symbols: makeUniverse(), seed: 1, startTs: T0 });
    expect(sim.step(T0)).toEqual([]);
    expect(sim.step(T0 - 1000)).toEqual([]);
    expect(sim.getBook("NOPE")).toBeUndefined();
    expect(sim.getLast("NOPE")).toBeUndefined();
    expect(sim.getSymbols().map((s) => s.code)).toEqual(makeUniverse().map((s) => s.code));
  });

  it("rejects invalid construction", () => {
    const a = makeSymbol({ code: "A" });
    expect(() => new MarketSimulator({ symbols: [a, a], seed: 1, startTs: T0 })).toThrow(/duplicate/);
    expect(() => new MarketSimulator({ symbols: [a], seed: 1, startTs: T0, sectorCorrelation: 1.5 })).toThrow(
      RangeError,
    );
    const badLot = makeSymbol({ code: "B", lotSize: 0 });
    expect(() => new MarketSimulator({ symbols: [badLot], seed: 1, startTs: T0 })).toThrow(/lotSize/);
  });

  it("suspends and resumes a symbol", () => {
    const sim = new MarketSimulator({ symbols: [makeSymbol({ code: "A", avgDailyValue: 5e9 })], seed: 8, startTs: T0 });
    expect(run(sim, 30).length).toBeGreaterThan(0);
    sim.setSuspended("A", true);
    expect(sim.getBook("A")).toEqual({ bids: [], asks: [] });
    const lastBefore = sim.getLast("A");
    const during: Tick[] = [];
    for (let s = 31; s <= 300; s++) during.push(...sim.step(T0 + s * 1000));
    expect(during).toEqual([]);
    expect(sim.getLast("A")).toBe(lastBefore);
    expect(sim.getSymbols()[0]?.suspended).toBe(true);
    sim.setSuspended("A", false);
    const after: Tick[] = [];
    for (let s = 301; s <= 330; s++) after.push(...sim.step(T0 + s * 1000));
    expect(after.length).toBeGreaterThan(0);
  });
});
