// CUSUM (M5): the DESIGN 10 recursion on a hand-worked series, and average run lengths by
// simulation against the published values (Montgomery, table 9.3; Siegmund's approximation):
// k = 0.5, h = 4: ARL0 335.4 one-sided, 167.7 two-sided; h = 5: 930.9 / 465.4; a 1-sigma shift: 8.38.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPrng } from "../../prng";
import { Cusum, runCusum } from "./cusum";

describe("two-sided Page CUSUM (DESIGN 10)", () => {
  it("follows the recursion on a hand-worked series and resets after an alarm", () => {
    // k = 0.5, h = 2: S+ = 1.5, 3.0 (alarm at t = 1, reset), then S- = 0, 1.5, 3.5 (alarm at t = 4)
    const r = runCusum({ series: [2, 2, 0, -2, -2.5], mean: 0, sd: 1, k: 0.5, h: 2 });
    expect(r).toEqual({ alarms: [1, 4], direction: ["up", "down"] });
  });

  it("standardizes with mean and sd", () => {
    const r = runCusum({ series: [10 + 2 * 2, 10 + 2 * 2], mean: 10, sd: 2, k: 0.5, h: 2 });
    expect(r.alarms).toEqual([1]);
  });

  it("statistics stay in [0, h] between alarms and every alarm is reported once (property)", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -20, max: 20, noNaN: true }), { maxLength: 200 }), (zs) => {
        const c = new Cusum({ k: 0.5, h: 4 });
        let alarms = 0;
        for (const z of zs) {
          if (c.update(z)) alarms++;
          const { up, down } = c.state();
          expect(up >= 0 && up <= 4 && down >= 0 && down <= 4).toBe(true);
        }
        expect(runCusum({ series: zs, mean: 0, sd: 1, k: 0.5, h: 4 }).alarms).toHaveLength(alarms);
      }),
    );
  });

  it("the one-sided (upper) chart ignores downward drift and alarms only up", () => {
    // k = 0.5, h = 2: z = -3 leaves S+ at 0 (a two-sided chart would alarm down at t = 1);
    // then z = 2, 2: S+ = 1.5, 3.0 > 2 -> alarm up at t = 3.
    const c = new Cusum({ k: 0.5, h: 2, sides: "upper" });
    expect([-3, -3, 2, 2].map((z) => c.update(z))).toEqual([null, null, null, "up"]);
    expect(c.state()).toEqual({ up: 0, down: 0 });
  });

  it("rejects sd <= 0", () => {
    expect(() => runCusum({ series: [1], mean: 0, sd: 0, k: 0.5, h: 4 })).toThrow(RangeError);
  });
});

/** Mean run length until the first alarm over `runs` independent N(shift, 1) sequences. */
function averageRunLength(opts: { h: number; shift: number; runs: number; oneSided: boolean; seed: number }): number {
  const rng = createPrng(opts.seed);
  let total = 0;
  for (let i = 0; i < opts.runs; i++) {
    const c = new Cusum({ k: 0.5, h: opts.h, sides: opts.oneSided ? "upper" : "both" });
    let n = 0;
    for (;;) {
      n++;
      if (c.update(rng.normal() + opts.shift)) break;
    }
    total += n;
  }
  return total / opts.runs;
}

describe("CUSUM average run lengths by simulation (within 5% of the published values)", () => {
  // The run length is roughly geometric (sd ~ mean): 4,000 runs give a standard error of ~1.6%.
  it.each([
    { h: 4, oneSided: true, expected: 335.4 },
    { h: 4, oneSided: false, expected: 167.7 },
    { h: 5, oneSided: true, expected: 930.9 },
    { h: 5, oneSided: false, expected: 465.4 },
  ])("in control, k = 0.5, h = $h, one-sided $oneSided: $expected", ({ h, oneSided, expected }) => {
    const arl = averageRunLength({ h, shift: 0, runs: 4000, oneSided, seed: 20261124 + h });
    expect(Math.abs(arl - expected) / expected).toBeLessThan(0.05);
  });

  it("out of control, a 1-sigma shift, k = 0.5, h = 4: 8.38", () => {
    const arl = averageRunLength({ h: 4, shift: 1, runs: 20000, oneSided: true, seed: 99 });
    expect(Math.abs(arl - 8.38) / 8.38).toBeLessThan(0.05);
  });
});
