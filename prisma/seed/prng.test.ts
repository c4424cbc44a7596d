// The seeded generator behind the demo data: reproducible streams with the right distributions.
import { describe, expect, it } from "vitest";
import { createPrng, deriveSeed } from "./prng";

function drawMany(seed: number, n: number): number[] {
  const rng = createPrng(seed);
  return Array.from({ length: n }, () => rng.nextFloat());
}

describe("createPrng", () => {
  it("repeats a stream for a seed and separates nearby seeds", () => {
    expect(drawMany(1, 50)).toEqual(drawMany(1, 50));
    expect(drawMany(1, 50)).not.toEqual(drawMany(2, 50));
    expect(drawMany(0.5, 5)).not.toEqual(drawMany(0, 5));
    expect(drawMany(2 ** 32 + 1, 5)).not.toEqual(drawMany(1, 5));
    expect(() => createPrng(Number.NaN)).toThrow(RangeError);
  });

  it("draws floats in [0, 1) with mean 1/2 and integers over the whole inclusive range", () => {
    const xs = drawMany(9, 20_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
    const rng = createPrng(3);
    const seen = new Set(Array.from({ length: 2000 }, () => rng.nextInt(1, 6)));
    expect([...seen].sort()).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("draws standard normals (mean 0, variance 1)", () => {
    const rng = createPrng(11);
    const zs = Array.from({ length: 40_000 }, () => rng.nextNormal());
    const mean = zs.reduce((a, b) => a + b, 0) / zs.length;
    const variance = zs.reduce((a, z) => a + (z - mean) ** 2, 0) / zs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(variance - 1)).toBeLessThan(0.05);
  });

  it("never picks a zero weight and follows the weights", () => {
    const rng = createPrng(5);
    const counts = [0, 0, 0];
    for (let i = 0; i < 10_000; i += 1) {
      const k = rng.pickWeightedIndex([1, 0, 3]);
      counts[k] = (counts[k] ?? 0) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] ?? 0) / 10_000).toBeCloseTo(0.75, 1);
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
