import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { emaSeries, median, Ring, sampleStd, zScore } from "./statistics";
import { EwmaVariance, ewmaVolatility, logReturns, parkinsonVolatility, realizedVolatility } from "./volatility";

describe("EWMA volatility (M4, DESIGN 10)", () => {
  it("matches the hand-worked example: closes 100, 101, 99, 102, lambda 0.94", () => {
    // r1 = ln 1.01, r2 = ln(99/101), r3 = ln(102/99); v1 = r1^2; v_t = 0.94 v_{t-1} + 0.06 r_t^2 (bc -l)
    const out = ewmaVolatility([100, 101, 99, 102], 0.94);
    expect(out).toHaveLength(3);
    expect(out[0]).toBeCloseTo(0.009950330853142, 12);
    expect(out[1]).toBeCloseTo(0.010819895524588, 12);
    expect(out[2]).toBeCloseTo(0.012787411596605, 12);
  });

  it("a constant price has zero volatility; one close gives no return", () => {
    expect(ewmaVolatility([10, 10, 10])).toEqual([0, 0]);
    expect(ewmaVolatility([10])).toEqual([]);
  });

  it("rejects non-positive closes and lambda outside (0, 1)", () => {
    expect(() => logReturns([10, 0])).toThrow(RangeError);
    expect(() => new EwmaVariance(1)).toThrow(RangeError);
  });

  it("stays between the smallest and largest absolute return (property)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 1, max: 1000, noNaN: true }), { minLength: 2, maxLength: 60 }),
        (closes) => {
          const rets = logReturns(closes).map(Math.abs);
          const lo = Math.min(...rets);
          const hi = Math.max(...rets);
          for (const s of ewmaVolatility(closes)) expect(s >= lo - 1e-12 && s <= hi + 1e-12).toBe(true);
        },
      ),
    );
  });
});

describe("other estimators (pandas-style definitions)", () => {
  it("realized volatility is the sample std (ddof 1) of the last window returns", () => {
    // mean 0.00666..; squared deviations 1.111e-5, 7.111e-4, 5.444e-4; sum / 2 = 6.3333e-4
    expect(realizedVolatility([0.5, 0.01, -0.02, 0.03], 3)).toBeCloseTo(0.025166114784229, 12);
    expect(realizedVolatility([0.01, 0.02], 3)).toBeNaN();
  });

  it("Parkinson: sqrt(mean(ln(H/L)^2) / (4 ln 2))", () => {
    expect(parkinsonVolatility([10.2, 10.1], [10, 10])).toBeCloseTo(0.009411324214264, 12);
  });

  it("median, z-score and EMA (adjust=False, alpha = 2/(span+1))", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(sampleStd([2, 4, 4, 4, 5, 5, 7, 9])).toBeCloseTo(2.138089935299395, 12);
    expect(zScore(10, [1, 2, 3])).toBeCloseTo(8, 12); // mean 2, sd 1
    // span 3: alpha 0.5; 1, 1.5, 2.25
    expect(emaSeries([1, 2, 3], 3)).toEqual([1, 1.5, 2.25]);
  });

  it("the ring keeps the most recent values in order", () => {
    const r = new Ring(3);
    for (const x of [1, 2, 3, 4, 5]) r.push(x);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.last()).toBe(5);
    expect([r.mean(), r.std(), r.median()]).toEqual([4, 1, 4]);
    const even = new Ring(5);
    for (const x of [4, 1, 3, 2]) even.push(x);
    expect([even.mean(), even.median()]).toEqual([2.5, 2.5]);
    expect(even.std()).toBeCloseTo(sampleStd([4, 1, 3, 2]), 14);
  });
});
