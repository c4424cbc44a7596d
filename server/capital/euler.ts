// C1 Euler allocation of expected shortfall (DESIGN 10 `POST /api/v1/capital/euler`). Rows of the
// loss matrix are scenarios, columns units (accounts or products), a loss is positive. The tail is
// the k = max(1, ceil(n (1 - alpha))) scenarios with the largest portfolio loss (ties: lower index
// first); ES is the mean portfolio loss over the tail and each unit's contribution is its own mean
// loss over the same tail (the Euler / gradient allocation of ES, Tasche 1999), so contributions
// add up to ES. Sums use Neumaier's compensated summation and ES is reported as the sum of the
// contributions, so the identity holds to the last bit rather than to rounding.

export interface EulerResult {
  var: number;
  es: number;
  contributions: number[];
  tail: number[];
}

/** Neumaier (improved Kahan) summation: exact to within one rounding for the sizes used here. */
export function compensatedSum(values: ArrayLike<number>): number {
  let sum = 0;
  let c = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    const t = sum + v;
    c += Math.abs(sum) >= Math.abs(v) ? sum - t + v : v - t + sum;
    sum = t;
  }
  return sum + c;
}

/** k = max(1, ceil(n (1 - alpha))); the small epsilon keeps ceil(1000 * 0.05) at 50, not 51 from 50.000000000000004. */
export function tailSize(n: number, alpha: number): number {
  return Math.min(n, Math.max(1, Math.ceil(n * (1 - alpha) - 1e-9)));
}

/** Indices of the k largest losses, ties to the lower index, returned ascending. */
export function tailIndices(portfolioLoss: ArrayLike<number>, alpha: number): number[] {
  const n = portfolioLoss.length;
  const k = tailSize(n, alpha);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => (portfolioLoss[b] as number) - (portfolioLoss[a] as number) || a - b);
  return order.slice(0, k).sort((a, b) => a - b);
}

/** DESIGN 10: VaR, ES, per-column contributions and the tail, from a scenario x unit loss matrix. */
export function eulerAllocation(losses: readonly (readonly number[])[], alpha: number): EulerResult {
  const n = losses.length;
  if (n === 0) throw new RangeError("losses must have at least one scenario");
  if (!(alpha > 0 && alpha < 1)) throw new RangeError("alpha must be in (0, 1)");
  const m = (losses[0] as readonly number[]).length;
  const portfolio = new Float64Array(n);
  for (let s = 0; s < n; s++) {
    const row = losses[s] as readonly number[];
    if (row.length !== m) throw new RangeError(`losses[${s}] has ${row.length} columns, losses[0] has ${m}`);
    portfolio[s] = compensatedSum(row);
  }
  const tail = tailIndices(portfolio, alpha);
  const k = tail.length;
  const column = new Float64Array(k);
  const contributions = new Array<number>(m);
  for (let j = 0; j < m; j++) {
    for (let t = 0; t < k; t++) column[t] = (losses[tail[t] as number] as readonly number[])[j] as number;
    contributions[j] = compensatedSum(column) / k;
  }
  let varValue = Infinity;
  for (const s of tail) varValue = Math.min(varValue, portfolio[s] as number);
  return { var: varValue, es: compensatedSum(contributions), contributions, tail };
}
