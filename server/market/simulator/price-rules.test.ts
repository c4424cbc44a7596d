import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Board } from "../types";
import { clampToLimits, limitPct, priceLimits, roundToLot, roundToTick, toCents } from "./price-rules";

const onTick = (price: number): boolean => Math.abs(price * 100 - Math.round(price * 100)) < 1e-6;

describe("limitPct", () => {
  it("is 10% on the main board and 20% on ChiNext and STAR", () => {
    expect(limitPct("MAIN")).toBe(0.1);
    expect(limitPct("CHINEXT")).toBe(0.2);
    expect(limitPct("STAR")).toBe(0.2);
  });
});

describe("priceLimits", () => {
  it.each<[number, Board, number, number]>([
    // 10.00 x 1.1 = 11.00, x 0.9 = 9.00
    [10, "MAIN", 11, 9],
    // 12.34 x 1.2 = 14.808 -> 14.81; 12.34 x 0.8 = 9.872 -> 9.87
    [12.34, "CHINEXT", 14.81, 9.87],
    // 33.33 x 1.2 = 39.996 -> 40.00; 33.33 x 0.8 = 26.664 -> 26.66
    [33.33, "STAR", 40, 26.66],
    // Half-up on exact halves: 10.05 x 1.1 = 11.055 -> 11.06; 10.05 x 0.9 = 9.045 -> 9.05
    [10.05, "MAIN", 11.06, 9.05],
    // 4.35 x 1.1 = 4.785 -> 4.79; 4.35 x 0.9 = 3.915 -> 3.92 (float64 gives 3.91499..., naive rounding says 3.91)
    [4.35, "MAIN", 4.79, 3.92],
    // 1700.00 x 1.1 = 1870.00; x 0.9 = 1530.00
    [1700, "MAIN", 1870, 1530],
  ])("prevClose %d on %s -> up %d, down %d", (prevClose, board, up, down) => {
    expect(priceLimits(prevClose, board)).toEqual({ up, down });
  });

  it("always gives tick prices with down < prevClose < up within the band", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 300_000 }),
        fc.constantFrom<Board>("MAIN", "CHINEXT", "STAR"),
        (cents, board) => {
          const prevClose = cents / 100;
          const { up, down } = priceLimits(prevClose, board);
          const pct = limitPct(board);
          expect(onTick(up) && onTick(down)).toBe(true);
          expect(down).toBeLessThan(prevClose);
          expect(up).toBeGreaterThan(prevClose);
          expect(Math.abs(up - prevClose * (1 + pct))).toBeLessThanOrEqual(0.005 + 1e-9);
          expect(Math.abs(down - prevClose * (1 - pct))).toBeLessThanOrEqual(0.005 + 1e-9);
        },
      ),
    );
  });
});

describe("roundToTick and toCents", () => {
  it("rounds half up to 0.01", () => {
    expect(roundToTick(10.004)).toBe(10);
    expect(roundToTick(10.005)).toBe(10.01);
    expect(roundToTick(3.9149999999999996)).toBe(3.92);
    expect(roundToTick(9.999)).toBe(10);
    expect(toCents(12.34)).toBe(1234);
    expect(toCents(0.29)).toBe(29); // 0.29 * 100 is 28.999999999999996 in float64
  });
});

describe("clampToLimits", () => {
  const limits = { up: 11, down: 9 };
  it("keeps prices inside the band and leaves inside prices alone", () => {
    expect(clampToLimits(12.5, limits)).toBe(11);
    expect(clampToLimits(7, limits)).toBe(9);
    expect(clampToLimits(10.37, limits)).toBe(10.37);
  });
});

describe("roundToLot", () => {
  it("floors to whole lots and never goes negative", () => {
    expect(roundToLot(250, 100)).toBe(200);
    expect(roundToLot(99, 100)).toBe(0);
    expect(roundToLot(300, 100)).toBe(300);
    expect(roundToLot((0.7 + 0.1 + 0.2) * 300, 100)).toBe(300); // 299.99999999999994 in float64 must not lose a lot
    expect(roundToLot(-500, 100)).toBe(0);
    expect(roundToLot(Number.NaN, 100)).toBe(0);
    expect(roundToLot(1234, 0)).toBe(0);
  });

  it("returns a multiple of the lot no larger than qty", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(1, 100, 200), (qty, lot) => {
        const r = roundToLot(qty, lot);
        expect(r % lot).toBe(0);
        expect(r).toBeLessThanOrEqual(qty);
        expect(qty - r).toBeLessThan(lot);
      }),
    );
  });
});
