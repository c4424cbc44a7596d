import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compensatedSum, eulerAllocation, tailSize } from "./euler";
import { allocateExposureEs } from "./exposure-es";

describe("eulerAllocation (DESIGN 10 contract)", () => {
  it("works the 4-scenario example by hand, ties to the lower index", () => {
    // L = [3, 5, 4, 4]; alpha 0.5 -> k = ceil(4 x 0.5) = 2: scenario 1 (5) then the tie 4/4 goes to index 2.
    // VaR = 4; ES = (5 + 4) / 2 = 4.5; column means over {1, 2}: (5 + 2)/2 = 3.5 and (0 + 2)/2 = 1.
    const r = eulerAllocation(
      [
        [1, 2],
        [5, 0],
        [2, 2],
        [0, 4],
      ],
      0.5,
    );
    expect(r).toEqual({ var: 4, es: 4.5, contributions: [3.5, 1], tail: [1, 2] });
  });

  it("a tail of one scenario when n (1 - alpha) < 1", () => {
    // k = max(1, ceil(4 x 0.1)) = 1: only scenario 1 (L = 5).
    const r = eulerAllocation(
      [
        [1, 2],
        [5, 0],
        [2, 2],
        [0, 4],
      ],
      0.9,
    );
    expect(r).toEqual({ var: 5, es: 5, contributions: [5, 0], tail: [1] });
  });

  it("k = ceil(n (1 - alpha)) without floating-point surprises", () => {
    expect(tailSize(1000, 0.95)).toBe(50); // 1000 x 0.05 is 50.000000000000004 in floating point
    expect(tailSize(100, 0.975)).toBe(3); // ceil(2.5)
    expect(tailSize(10, 0.99)).toBe(1); // ceil(0.1)
    expect(tailSize(3, 0.1)).toBe(3); // ceil(2.7)
  });

  it("refuses ragged rows, empty input and alpha outside (0, 1)", () => {
    expect(() => eulerAllocation([[1, 2], [3]], 0.5)).toThrow(RangeError);
    expect(() => eulerAllocation([], 0.5)).toThrow(RangeError);
    expect(() => eulerAllocation([[1]], 1)).toThrow(RangeError);
  });

  it("property: contributions sum to ES, ES is the mean tail loss, VaR is the smallest tail loss", () => {
    const matrix = fc.tuple(fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 8 })).chain(([n, m]) =>
      fc.array(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: m, maxLength: m }), {
        minLength: n,
        maxLength: n,
      }),
    );
    fc.assert(
      fc.property(matrix, fc.double({ min: 0.01, max: 0.99, noNaN: true }), (losses, alpha) => {
        const r = eulerAllocation(losses, alpha);
        // Independent check: sort the row sums by hand.
        const sums = losses.map((row, i) => ({ i, l: row.reduce((a, b) => a + b, 0) }));
        sums.sort((a, b) => b.l - a.l || a.i - b.i);
        const k = Math.max(1, Math.ceil(losses.length * (1 - alpha) - 1e-9));
        const tail = sums.slice(0, k);
        const mean = tail.reduce((a, t) => a + t.l, 0) / k;
        const scale = 1 + losses.flat().reduce((a, b) => a + Math.abs(b), 0);
        expect(r.tail).toHaveLength(k);
        expect(r.es).toBe(compensatedSum(r.contributions));
        expect(Math.abs(r.contributions.reduce((a, b) => a + b, 0) - r.es)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(r.es - mean)).toBeLessThanOrEqual(1e-9 * scale);
        expect(Math.abs(r.var - Math.min(...tail.map((t) => t.l)))).toBeLessThanOrEqual(1e-9 * scale);
      }),
      { numRuns: 300 },
    );
  });
});

describe("allocateExposureEs", () => {
  it("equals eulerAllocation over the full scenario x account matrix", () => {
    // 3 paths x 2 symbols of returns; account A holds 100 of s0, account B 50 of s0 and 200 of s1.
    const returns = new Float64Array([-0.1, 0.02, 0.05, -0.2, -0.03, -0.01]);
    const units = [
      [{ symbol: 0, notional: 100 }],
      [
        { symbol: 0, notional: 50 },
        { symbol: 1, notional: 200 },
      ],
    ];
    // Account losses per path (loss = -notional x r): path 0: A 10, B 5 - 4 = 1 -> L 11;
    // path 1: A -5, B -2.5 + 40 = 37.5 -> L 32.5; path 2: A 3, B 1.5 + 2 = 3.5 -> L 6.5.
    // alpha 0.5: k = 2 -> paths 1 and 0; ES = (32.5 + 11) / 2 = 21.75; A (10 - 5)/2 = 2.5, B (1 + 37.5)/2 = 19.25.
    const r = allocateExposureEs({ returns, symbols: 2, units, alpha: 0.5 });
    expect(r.tail).toEqual([0, 1]);
    expect(r.var).toBeCloseTo(11, 12);
    expect(r.es).toBeCloseTo(21.75, 12);
    expect([...r.contributions].map((c) => Number(c.toFixed(12)))).toEqual([2.5, 19.25]);
    const full = [
      [10, 1],
      [-5, 37.5],
      [3, 3.5],
    ];
    const f = eulerAllocation(full, 0.5);
    expect(f.es).toBeCloseTo(r.es, 12);
  });

  it("property: same result as the full-matrix computation", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 30 }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(fc.array(fc.tuple(fc.nat(4), fc.double({ min: 0, max: 1e6, noNaN: true })), { maxLength: 4 }), {
          minLength: 1,
          maxLength: 6,
        }),
        fc.integer(),
        (paths, symbols, raw, seed) => {
          let s = seed | 0;
          const rnd = () => ((s = (Math.imul(s, 1103515245) + 12345) | 0) >>> 0) / 2 ** 32 - 0.5;
          const returns = Float64Array.from({ length: paths * symbols }, () => rnd() * 0.4);
          const units = raw.map((lines) => lines.map(([j, n]) => ({ symbol: j % symbols, notional: n })));
          const r = allocateExposureEs({ returns, symbols, units, alpha: 0.8 });
          const full = Array.from({ length: paths }, (_, p) =>
            units.map((lines) =>
              lines.reduce((a, l) => a - l.notional * (returns[p * symbols + l.symbol] as number), 0),
            ),
          );
          const f = eulerAllocation(full, 0.8);
          const scale = 1 + raw.flat().reduce((a, [, n]) => a + n, 0);
          expect(Math.abs(r.es - f.es)).toBeLessThanOrEqual(1e-9 * scale);
          f.contributions.forEach((c, i) =>
            expect(Math.abs(c - (r.contributions[i] as number))).toBeLessThanOrEqual(1e-9 * scale),
          );
          expect(r.es).toBe(compensatedSum(r.contributions));
        },
      ),
      { numRuns: 200 },
    );
  });
});
