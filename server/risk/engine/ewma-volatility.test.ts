// The engine's own EWMA volatility (M4 definition), worked by hand.
import { describe, expect, it } from "vitest";
import { EwmaVolatility } from "./ewma-volatility";

describe("EwmaVolatility", () => {
  it("is undefined before the first return, then seeded with the first squared return", () => {
    const v = new EwmaVolatility();
    v.update("A", 100);
    expect(v.sigma("A")).toBeUndefined();
    v.update("A", 110); // r = ln 1.1 = 0.0953102
    expect(v.sigma("A")).toBeCloseTo(Math.log(1.1), 12);
  });
  it("decays with lambda 0.94 on a flat minute: sigma = sqrt(0.94) x 0.0953102 = 0.0924066", () => {
    const v = new EwmaVolatility();
    for (const c of [100, 110, 110]) v.update("A", c);
    expect(v.sigma("A")).toBeCloseTo(0.0924066, 6);
  });
  it("a return of equal size keeps it: 100 -> 101 -> 100 gives |ln 1.01| = 0.00995033", () => {
    const v = new EwmaVolatility();
    for (const c of [100, 101, 100]) v.update("A", c);
    expect(v.sigma("A")).toBeCloseTo(0.00995033, 8);
  });
});
