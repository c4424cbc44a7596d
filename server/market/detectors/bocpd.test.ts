// BOCPD (M5): the streaming O(R) detector against the straightforward untruncated recursion, and
// change points found where they were planted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng } from "../../prng";
import { Bocpd, lnGamma, runBocpd, studentTPredictive } from "./bocpd";
import { runBocpdNaive } from "./bocpd-naive";

const prior = { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 };

function series(n: number, seed: number, f: (t: number, z: number) => number): number[] {
  const rng = createPrng(seed);
  return Array.from({ length: n }, (_, t) => f(t, rng.normal()));
}

describe("Bayesian online change-point detection", () => {
  it("lnGamma and the Student-t predictive match known values", () => {
    expect(lnGamma(1)).toBeCloseTo(0, 12);
    expect(lnGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
    expect(lnGamma(10)).toBeCloseTo(Math.log(362880), 10);
    // Normal-Gamma(0, 1, 1, 1): t with nu = 2, scale^2 = 2; density at 0 = Gamma(1.5)/(Gamma(1) sqrt(4 pi)) = 0.25
    expect(studentTPredictive(0, 0, 1, 1, 1)).toBeCloseTo(0.25, 12);
  });

  it("equals the untruncated recursion within 1e-9 while nothing is truncated", () => {
    const xs = series(150, 3, (t, z) => (t < 70 ? z : 2 + 0.5 * z));
    const naive = runBocpdNaive(xs, 1 / 50, prior);
    const b = new Bocpd(1 / 50, prior, 200);
    xs.forEach((x, t) => {
      b.update(x);
      const got = b.distribution();
      const want = naive[t + 1] ?? [];
      expect(got).toHaveLength(want.length);
      for (let r = 0; r < want.length; r++) expect(Math.abs((got[r] ?? 0) - (want[r] ?? 0))).toBeLessThan(1e-9);
    });
    expect(b.truncated).toBe(false);
  });

  it("finds a mean step at the right place", () => {
    const xs = series(300, 11, (t, z) => (t < 150 ? z : 3 + z));
    const { runLengthMap } = runBocpd({ series: xs, hazard: 1 / 250, prior, maxRunLength: 500 });
    expect(runLengthMap[140]).toBeGreaterThan(100); // one long run before the step
    // Some time after the step the most probable run starts at the step (within 3 points).
    const t = 200;
    expect(Math.abs(t - (runLengthMap[t] ?? 0) + 1 - 150)).toBeLessThanOrEqual(3);
  });

  it("finds a variance step at the right place", () => {
    const xs = series(400, 5, (t, z) => (t < 200 ? 0.5 * z : 4 * z));
    const { runLengthMap } = runBocpd({ series: xs, hazard: 1 / 250, prior, maxRunLength: 500 });
    const t = 300;
    expect(Math.abs(t - (runLengthMap[t] ?? 0) + 1 - 200)).toBeLessThanOrEqual(5);
  });

  it("truncation keeps at most maxRunLength + 1 run lengths and a distribution summing to 1", () => {
    const b = new Bocpd(1 / 250, prior, 20);
    for (const x of series(100, 8, (_, z) => z)) b.update(x);
    const d = b.distribution();
    expect(d).toHaveLength(21);
    expect(d.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    expect(b.truncated).toBe(true);
  });

  it("rejects a hazard outside (0, 1) and a non-positive prior", () => {
    expect(() => new Bocpd(0, prior, 10)).toThrow(RangeError);
    expect(() => new Bocpd(1, prior, 10)).toThrow(RangeError);
    expect(() => new Bocpd(0.1, { ...prior, beta0: 0 }, 10)).toThrow(RangeError);
  });

  it("keeps a probability distribution over run lengths for any series (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 80 }),
        fc.integer({ min: 1, max: 40 }),
        (xs, R) => {
          const b = new Bocpd(1 / 50, prior, R);
          for (const x of xs) {
            const { map, expected } = b.update(x);
            const d = b.distribution();
            expect(d.length).toBeLessThanOrEqual(R + 1);
            expect(d.every((p) => p >= 0 && Number.isFinite(p))).toBe(true);
            expect(d.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
            expect(map).toBeLessThan(d.length);
            expect(expected).toBeGreaterThanOrEqual(0);
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
