// The risk engine's own per-symbol volatility (M4 definition: EWMA of 1m log returns, lambda
// 0.94, seeded with the first squared return), used when the market monitoring service does not
// provide one. Fed with closed bars in time order; the recursion is the market's EwmaVariance.
import { DEFAULT_EWMA_LAMBDA, EwmaVariance } from "../../market/indicators/volatility";

export class EwmaVolatility {
  private readonly last = new Map<string, number>();
  private readonly variance = new Map<string, EwmaVariance>();

  constructor(private readonly lambda = DEFAULT_EWMA_LAMBDA) {}

  update(symbol: string, close: number): void {
    const prev = this.last.get(symbol);
    this.last.set(symbol, close);
    if (prev === undefined || prev <= 0 || close <= 0) return;
    let v = this.variance.get(symbol);
    if (!v) {
      v = new EwmaVariance(this.lambda);
      this.variance.set(symbol, v);
    }
    v.update(Math.log(close / prev));
  }

  /** An independent copy: a tick updates the copy and keeps it only once its transaction committed. */
  clone(): EwmaVolatility {
    const c = new EwmaVolatility(this.lambda);
    for (const [k, v] of this.last) c.last.set(k, v);
    for (const [k, v] of this.variance) c.variance.set(k, v.clone());
    return c;
  }

  sigma(symbol: string): number | undefined {
    return this.variance.get(symbol)?.sigma();
  }
}
