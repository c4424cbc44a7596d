// A-share exchange price and quantity rules (M2): daily price limits, the 0.01 CNY tick and
// the 100-share board lot. Pure functions shared by the simulator, the engine and the tests.
import type { Board } from "../types";

/** Minimum price increment of A-shares, CNY. */
export const TICK = 0.01;

export interface PriceLimits {
  up: number;
  down: number;
}

/** Daily limit as a fraction of the previous close: 10% main board, 20% ChiNext and STAR (M2). */
export function limitPct(board: Board): number {
  switch (board) {
    case "MAIN":
      return 0.1;
    case "CHINEXT":
    case "STAR":
      return 0.2;
  }
}

/**
 * Rounds half up to the 0.01 tick, as the exchanges do for limit prices (四舍五入). The inner
 * rounding to 1e-8 absorbs float noise first: 4.35 * 0.9 is 3.9149999999999996 in float64 but
 * 3.915 in decimal, and must give 3.92, which a plain Math.round(x * 100) gets wrong.
 */
export function roundToTick(price: number): number {
  return Math.round(Math.round(price * 1e8) / 1e6) / 100;
}

/** Price in whole cents (ticks); the order book works in integers to avoid float drift. */
export function toCents(price: number): number {
  return Math.round(Math.round(price * 1e8) / 1e6);
}

/** Limit-up and limit-down prices from yesterday's close (M2). */
export function priceLimits(prevClose: number, board: Board): PriceLimits {
  const pct = limitPct(board);
  return { up: roundToTick(prevClose * (1 + pct)), down: roundToTick(prevClose * (1 - pct)) };
}

export function clampToLimits(price: number, limits: PriceLimits): number {
  return Math.min(limits.up, Math.max(limits.down, price));
}

/** Floors a share quantity to whole lots; never negative. */
export function roundToLot(qty: number, lotSize: number): number {
  if (!(lotSize > 0) || !Number.isFinite(qty) || qty <= 0) return 0;
  // The small epsilon keeps 300 / 100 computed as 2.9999999 from losing a whole lot.
  return Math.floor(qty / lotSize + 1e-9) * lotSize;
}
