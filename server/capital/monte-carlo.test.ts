import { describe, expect, it } from "vitest";
import { cholesky, sampleCorrelation, shrinkCorrelation, simulateReturns } from "./monte-carlo";

describe("cholesky", () => {
  it("factors [[1, 0.6], [0.6, 1]] into [[1, 0], [0.6, 0.8]] (0.6^2 + 0.8^2 = 1)", () => {
    const l = cholesky([
      [1, 0.6],
      [0.6, 1],
    ]);
    expect([...l].map((v) => Number(v.toFixed(12)))).toEqual([1, 0, 0.6, 0.8]);
  });
  it("refuses a matrix that is not positive definite or not symmetric", () => {
    expect(() =>
      cholesky([
        [1, 1.2],
        [1.2, 1],
      ]),
    ).toThrow(/positive definite/);
    expect(() =>
      cholesky([
        [1, 0.2],
        [0.3, 1],
      ]),
    ).toThrow(/symmetric/);
  });
});

describe("simulateReturns", () => {
  const input = {
    sigmas: [0.02, 0.03],
    correlation: [
      [1, 0.6],
      [0.6, 1],
    ],
    nu: 5,
    paths: 100_000,
    seed: 7,
  };
  const r = simulateReturns(input);

  it("replays exactly for a seed", () => {
    expect(simulateReturns({ ...input, paths: 50 })).toEqual(r.subarray(0, 100));
    expect(simulateReturns({ ...input, paths: 50, seed: 8 })).not.toEqual(r.subarray(0, 100));
  });

  it("has each symbol's volatility and the correlation asked for (sampling error ~0.5%)", () => {
    const c = sampleCorrelation(r, input.paths, 2);
    expect(c[0]?.[1]).toBeGreaterThan(0.58);
    expect(c[0]?.[1]).toBeLessThan(0.62);
    for (const [j, sigma] of input.sigmas.entries()) {
      let ss = 0;
      for (let p = 0; p < input.paths; p++) ss += (r[p * 2 + j] as number) ** 2;
      const sd = Math.sqrt(ss / input.paths);
      expect(sd / sigma).toBeGreaterThan(0.97);
      expect(sd / sigma).toBeLessThan(1.03);
    }
  });

  it("has fat tails: beyond 4 sd ~57 times as often as a normal", () => {
    // Unit-variance t(5) = T5 x sqrt(3/5): P(|X| > 4) = 2 P(T5 > 5.164) = 0.00357 (scipy.stats.t.sf);
    // a normal gives 0.0000633. With 100,000 draws expect ~357 (Poisson sd ~19).
    let beyond = 0;
    for (let p = 0; p < input.paths; p++) if (Math.abs((r[p * 2] as number) / 0.02) > 4) beyond++;
    expect(beyond).toBeGreaterThan(290);
    expect(beyond).toBeLessThan(430);
  });

  it("never loses more than 100% of a long position", () => {
    const wild = simulateReturns({ ...input, sigmas: [2, 2], paths: 2000 });
    expect(Math.min(...wild)).toBeGreaterThanOrEqual(-1);
  });

  it("refuses a fractional nu and a non-positive path count", () => {
    expect(() => simulateReturns({ ...input, nu: 4.5 })).toThrow(RangeError);
    expect(() => simulateReturns({ ...input, paths: 0 })).toThrow(RangeError);
  });
});

describe("sampleCorrelation and shrinkCorrelation", () => {
  it("perfectly co-moving and opposite columns correlate +1 and -1", () => {
    // observations x symbols: x = 1,2,3; y = 2x; z = 4 - x
    const c = sampleCorrelation(new Float64Array([1, 2, 3, 2, 4, 2, 3, 6, 1]), 3, 3);
    expect(c[0]?.[1]).toBeCloseTo(1, 12);
    expect(c[0]?.[2]).toBeCloseTo(-1, 12);
  });
  it("shrinks toward the mean off-diagonal correlation (floored at 0) and stays factorable", () => {
    // off-diagonals 1, -1, -1: mean -1/3 -> floored to 0; weight 0.2 -> 0.8 x value.
    const c = shrinkCorrelation(
      [
        [1, 1, -1],
        [1, 1, -1],
        [-1, -1, 1],
      ],
      0.2,
    );
    expect(c[0]?.[1]).toBeCloseTo(0.8, 12);
    expect(c[0]?.[2]).toBeCloseTo(-0.8, 12);
    expect(() => cholesky(c)).not.toThrow();
  });
});
