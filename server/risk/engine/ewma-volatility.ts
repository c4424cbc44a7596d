// The risk engine's own per-symbol volatility (M4 definition: EWMA of 1m log returns, lambda
// 0.94, seeded with the first squared return), used when the market monitoring service does not
// provide one. Fed with closed bars in time order.
export class EwmaVolatility {
  private readonly last = new Map<string, number>();
  private readonly variance = new Map<string, number>();

  constructor(private readonly lambda = 0.94) {}

  update(symbol: string, close: number): void {
    const prev = this.last.get(symbol);
    this.last.set(symbol, close);
    if (prev === undefined || prev <= 0 || close <= 0) return;
    const r = Math.log(close / prev);
    const v = this.variance.get(symbol);
    this.variance.set(symbol, v === undefined ? r * r : this.lambda * v + (1 - this.lambda) * r * r);
  }

  sigma(symbol: string): number | undefined {
    const v = this.variance.get(symbol);
    return v === undefined ? undefined : Math.sqrt(v);
  }
}
