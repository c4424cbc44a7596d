// Volatility estimators of one-minute bars (M4, DESIGN 10). All figures are per minute (not
// annualised): the margin model (R2) compares them with a per-minute reference.
import { sampleStd } from "./statistics";

export const DEFAULT_EWMA_LAMBDA = 0.94;

/** r_t = ln(c_t / c_{t-1}); one per consecutive pair. Throws on a non-positive close. */
export function logReturns(closes: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < closes.length; i++) {
    const prev = closes[i - 1] ?? NaN;
    const cur = closes[i] ?? NaN;
    if (!(prev > 0 && cur > 0)) throw new RangeError(`closes must be positive (index ${prev > 0 ? i : i - 1})`);
    out.push(Math.log(cur / prev));
  }
  return out;
}

/**
 * DESIGN 10: EWMA variance seeded with the first squared return, v_t = lambda v_{t-1} +
 * (1 - lambda) r_t^2; returns sqrt(v_t), one per return.
 */
export function ewmaVolatility(closes: readonly number[], lambda = DEFAULT_EWMA_LAMBDA): number[] {
  const ewma = new EwmaVariance(lambda);
  return logReturns(closes).map((r) => Math.sqrt(ewma.update(r)));
}

/** Streaming form of ewmaVolatility (the minute-close hook keeps one per symbol). */
export class EwmaVariance {
  private v = NaN;
  constructor(readonly lambda = DEFAULT_EWMA_LAMBDA) {
    if (!(lambda > 0 && lambda < 1)) throw new RangeError(`lambda must be in (0, 1), got ${lambda}`);
  }
  update(r: number): number {
    this.v = Number.isNaN(this.v) ? r * r : this.lambda * this.v + (1 - this.lambda) * r * r;
    return this.v;
  }
  /** Current variance (NaN before the first return). */
  variance(): number {
    return this.v;
  }
  sigma(): number {
    return Math.sqrt(this.v);
  }
  clone(): EwmaVariance {
    const c = new EwmaVariance(this.lambda);
    c.v = this.v;
    return c;
  }
}

/** Realized volatility: sample std (ddof 1) of the last `window` returns (pandas rolling(30).std()). */
export function realizedVolatility(returns: readonly number[], window = 30): number {
  if (returns.length < window) return NaN;
  return sampleStd(returns.slice(returns.length - window));
}

/**
 * Parkinson (1980) high-low estimator over the bars given:
 * sigma^2 = 1 / (4 ln 2) * mean(ln(H / L)^2).
 */
export function parkinsonVolatility(highs: readonly number[], lows: readonly number[]): number {
  const n = Math.min(highs.length, lows.length);
  if (n === 0) return NaN;
  let s = 0;
  for (let i = 0; i < n; i++) {
    const hl = Math.log((highs[i] ?? NaN) / (lows[i] ?? NaN));
    s += hl * hl;
  }
  return Math.sqrt(s / n / (4 * Math.LN2));
}
