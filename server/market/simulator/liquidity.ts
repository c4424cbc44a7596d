// Calm-regime liquidity profile of a symbol, derived from its average daily traded value (M2).
// Liquid names get tight quotes, deep books and frequent prints; thin names the opposite.

/** Minutes in an A-share trading day (09:30-11:30, 13:00-15:00). */
export const TRADING_MINUTES_PER_DAY = 240;

export interface LiquidityProfile {
  /** Quoted spread in basis points of mid before rounding to ticks. */
  spreadBps: number;
  /** CNY resting on the first book level; deeper levels hold a little more. */
  levelValue: number;
  /** Expected trade prints per minute. */
  tradesPerMin: number;
  /** Expected CNY traded per minute. */
  valuePerMin: number;
}

/**
 * Spread falls with the square root of traded value (a rough market-impact scaling) and is
 * capped so illiquid names stay quotable; print frequency grows with the log of traded value.
 */
export function describeLiquidity(avgDailyValue: number): LiquidityProfile {
  const adv = Math.max(avgDailyValue, 1e5);
  return {
    spreadBps: Math.min(40, 1 + 5 * Math.sqrt(1e9 / adv)),
    levelValue: adv / 1000,
    tradesPerMin: Math.min(90, Math.max(6, 15 + 20 * Math.log10(adv / 1e7))),
    valuePerMin: adv / TRADING_MINUTES_PER_DAY,
  };
}
