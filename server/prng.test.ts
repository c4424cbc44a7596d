// The one seeded generator (simulator, demo data, Monte Carlo): reproducible streams with the
// right distributions, every helper on the same stream.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng, deriveSeed } from "./prng";

function draw(seed: number, n: number): number[] {
  const rng = createPrng(seed);
  return Array.from({ length: n }, () => rng.next());
}

describe("createPrng", () => {
  it("replays a stream for a seed and separates nearby, fractional and large seeds", () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
    expect(draw(1, 50)).not.toEqual(draw(2, 50));
    expect(draw(0.5, 5)).not.toEqual(draw(0, 5));
    expect(draw(2 ** 32 + 1, 5)).not.toEqual(draw(1, 5));
    expect(draw(-1, 5)).not.toEqual(draw(2 ** 32 - 1, 5));
    expect(() => createPrng(Number.NaN)).toThrow(RangeError);
    expect(() => createPrng(Infinity)).toThrow(RangeError);
  });

  it("stays in [0, 1) with a mean near 1/2", () => {
    const xs = draw(7, 50_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    // Standard error is sqrt(1/12 / 50000) = 0.0013; 0.01 is ~8 standard errors.
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it("draws standard normals: mean 0, variance 1, ~4.55% beyond 2 sigma", () => {
    const rng = createPrng(11);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    let tails = 0;
    for (let i = 0; i < n; i++) {
      const z = rng.normal();
      sum += z;
      sumSq += z * z;
      if (Math.abs(z) > 2) tails++;
    }
    const mean = sum / n;
    // Standard errors: mean 1/sqrt(n) = 0.0032, variance sqrt(2/n) = 0.0045, tail share 0.00066.
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - mean * mean - 1)).toBeLessThan(0.03);
    expect(Math.abs(tails / n - 0.0455)).toBeLessThan(0.004);
  });

  it("int covers [lo, hi] inclusive and rejects bad bounds", () => {
    const rng = createPrng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it("int, uniform and chance stay in their ranges for any seed and bounds", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -(2 ** 40), max: 2 ** 40 }),
        fc.integer({ min: -1e6, max: 1e6 }),
        fc.integer({ min: 0, max: 1e6 }),
        (seed, lo, width) => {
          const rng = createPrng(seed);
          const k = rng.int(lo, lo + width);
          const u = rng.uniform(lo, lo + width + 1);
          return Number.isInteger(k) && k >= lo && k <= lo + width && u >= lo && u < lo + width + 1;
        },
      ),
    );
    const rng = createPrng(9);
    expect(Array.from({ length: 100 }, () => rng.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 100 }, () => rng.chance(1)).every(Boolean)).toBe(true);
  });

  it("poisson has the requested mean, and 0 for a non-positive mean", () => {
    const rng = createPrng(5);
    const n = 50_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.poisson(1.3);
    // Standard error sqrt(1.3 / 50000) = 0.005.
    expect(Math.abs(sum / n - 1.3)).toBeLessThan(0.03);
    expect(rng.poisson(0)).toBe(0);
    expect(rng.poisson(-1)).toBe(0);
  });

  it("logNormal has the requested median", () => {
    const rng = createPrng(13);
    const xs = Array.from({ length: 20_001 }, () => rng.logNormal(50, 0.4)).sort((a, b) => a - b);
    // The sample median of a lognormal: ln has standard error 0.4 * sqrt(pi / 2 / n) = 0.0035.
    expect(Math.abs(Math.log((xs[10_000] ?? 0) / 50))).toBeLessThan(0.02);
  });

  it("never picks a zero weight and follows the weights", () => {
    const rng = createPrng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i += 1) {
      const k = rng.pickWeightedIndex([1, 0, 3]);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    // 3/4 of the draws; standard error sqrt(0.75 * 0.25 / 10000) = 0.0043.
    expect(Math.abs((counts[2] ?? 0) / 10_000 - 0.75)).toBeLessThan(0.02);
    expect(() => rng.pickWeightedIndex([0, 0])).toThrow(RangeError);
    expect(() => rng.pickOne([])).toThrow(RangeError);
  });

  it("shuffles into a permutation", () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = createPrng(8).shuffleInPlace([...items]);
    expect(shuffled).not.toEqual(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items);
  });
});

describe("deriveSeed", () => {
  it("gives distinct, stable seeds per label", () => {
    expect(deriveSeed(42, "symbols")).toBe(deriveSeed(42, "symbols"));
    expect(deriveSeed(42, "symbols")).not.toBe(deriveSeed(42, "accounts"));
    expect(deriveSeed(42, "symbols")).not.toBe(deriveSeed(43, "symbols"));
  });
});
