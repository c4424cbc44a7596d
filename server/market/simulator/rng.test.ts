import { describe, expect, it } from "vitest";
import { createRng } from "./rng";

function draw(seed: number, n: number): number[] {
  const rng = createRng(seed);
  return Array.from({ length: n }, () => rng.next());
}

describe("createRng", () => {
  it("replays the same sequence for a seed and differs across seeds", () => {
    expect(draw(42, 100)).toEqual(draw(42, 100));
    expect(draw(42, 100)).not.toEqual(draw(43, 100));
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
    const rng = createRng(11);
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
    expect(Math.abs(mean)).toBeLessThan(0.02);
    expect(Math.abs(sumSq / n - mean * mean - 1)).toBeLessThan(0.03);
    expect(Math.abs(tails / n - 0.0455)).toBeLessThan(0.004);
  });

  it("int covers [lo, hi] inclusive and rejects bad bounds", () => {
    const rng = createRng(3);
    const seen = new Set<number>();
    for (let i = 0; i < 1000; i++) seen.add(rng.int(-2, 2));
    expect([...seen].sort((a, b) => a - b)).toEqual([-2, -1, 0, 1, 2]);
    expect(() => rng.int(3, 2)).toThrow(RangeError);
    expect(() => rng.int(0.5, 2)).toThrow(RangeError);
  });

  it("poisson has the requested mean, and 0 for a non-positive mean", () => {
    const rng = createRng(5);
    const n = 50_000;
    let sum = 0;
    for (let i = 0; i < n; i++) sum += rng.poisson(1.3);
    // Standard error sqrt(1.3 / 50000) = 0.005.
    expect(Math.abs(sum / n - 1.3)).toBeLessThan(0.03);
    expect(rng.poisson(0)).toBe(0);
    expect(rng.poisson(-1)).toBe(0);
  });
});
