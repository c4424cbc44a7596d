// C1 Monte Carlo loss paths of the book's symbols: multivariate Student-t returns (fat tails) with
// the current correlation, seeded so a run replays exactly. One chi-square draw per path scales
// every symbol's normal (the multivariate t, so crashes hit all symbols together, which is the
// point of fat tails for a margin book); each marginal is rescaled to the symbol's volatility.
// Returns are clamped at -100%: a long stock position cannot lose more than its value.
import { createPrng } from "../prng";

export interface MonteCarloInput {
  /** Per-symbol volatility of one period (e.g. daily), as a fraction. */
  sigmas: readonly number[];
  /** Symmetric correlation matrix with unit diagonal, positive definite. */
  correlation: readonly (readonly number[])[];
  /** Degrees of freedom of the t (integer, 3..60): 3-5 gives the fat tails of daily A-share returns. */
  nu: number;
  paths: number;
  seed: number;
  /** The horizon in periods; volatility scales with its square root. */
  horizon?: number;
}

/** Lower-triangular L with L L^T = C (row-major, n x n); a non-positive-definite matrix is a RangeError. */
export function cholesky(c: readonly (readonly number[])[]): Float64Array {
  const n = c.length;
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    const row = c[i] as readonly number[];
    if (row.length !== n) throw new RangeError(`correlation row ${i} has ${row.length} entries, expected ${n}`);
    for (let j = 0; j <= i; j++) {
      if (Math.abs((row[j] as number) - ((c[j] as readonly number[])[i] as number)) > 1e-9)
        throw new RangeError(`correlation is not symmetric at (${i}, ${j})`);
      let s = row[j] as number;
      for (let k = 0; k < j; k++) s -= (l[i * n + k] as number) * (l[j * n + k] as number);
      if (i === j) {
        if (!(s > 1e-12)) throw new RangeError("correlation matrix is not positive definite");
        l[i * n + i] = Math.sqrt(s);
      } else {
        l[i * n + j] = s / (l[j * n + j] as number);
      }
    }
  }
  return l;
}

/** Simulated simple returns, row-major paths x symbols. */
export function simulateReturns(input: MonteCarloInput): Float64Array {
  const n = input.sigmas.length;
  const { nu, paths } = input;
  if (!Number.isInteger(nu) || nu < 3 || nu > 60) throw new RangeError("nu must be an integer in [3, 60]");
  if (!Number.isInteger(paths) || paths < 1) throw new RangeError("paths must be a positive integer");
  const l = cholesky(input.correlation);
  const rng = createPrng(input.seed);
  const horizon = Math.sqrt(input.horizon ?? 1);
  // A t with nu degrees of freedom has variance nu / (nu - 2): rescale to unit variance first.
  const unit = Math.sqrt((nu - 2) / nu);
  const scale = input.sigmas.map((s) => s * horizon * unit);
  const out = new Float64Array(paths * n);
  const z = new Float64Array(n);
  for (let p = 0; p < paths; p++) {
    let chi2 = 0;
    for (let k = 0; k < nu; k++) {
      const g = rng.normal();
      chi2 += g * g;
    }
    const mix = 1 / Math.sqrt(chi2 / nu);
    for (let i = 0; i < n; i++) z[i] = rng.normal();
    for (let i = 0; i < n; i++) {
      let x = 0;
      for (let k = 0; k <= i; k++) x += (l[i * n + k] as number) * (z[k] as number);
      out[p * n + i] = Math.max(-1, (scale[i] as number) * x * mix);
    }
  }
  return out;
}

/** Pearson correlation of return columns (row-major observations x symbols); a flat column correlates 0. */
export function sampleCorrelation(returns: Float64Array, observations: number, symbols: number): number[][] {
  const mean = new Float64Array(symbols);
  for (let t = 0; t < observations; t++)
    for (let i = 0; i < symbols; i++) mean[i] = (mean[i] as number) + (returns[t * symbols + i] as number);
  for (let i = 0; i < symbols; i++) mean[i] = (mean[i] as number) / observations;
  const cov = Array.from({ length: symbols }, () => new Float64Array(symbols));
  for (let t = 0; t < observations; t++)
    for (let i = 0; i < symbols; i++) {
      const di = (returns[t * symbols + i] as number) - (mean[i] as number);
      const row = cov[i] as Float64Array;
      for (let j = 0; j <= i; j++)
        row[j] = (row[j] as number) + di * ((returns[t * symbols + j] as number) - (mean[j] as number));
    }
  return Array.from({ length: symbols }, (_, i) =>
    Array.from({ length: symbols }, (_, j) => {
      if (i === j) return 1;
      const [a, b] = i > j ? [i, j] : [j, i];
      const vi = (cov[i] as Float64Array)[i] as number;
      const vj = (cov[j] as Float64Array)[j] as number;
      return vi > 0 && vj > 0 ? ((cov[a] as Float64Array)[b] as number) / Math.sqrt(vi * vj) : 0;
    }),
  );
}

/**
 * Shrinks a sample correlation toward the constant-correlation matrix (its mean off-diagonal
 * value, floored at 0): with fewer observations than symbols the sample matrix is singular, and
 * the shrunk one is positive definite for any weight in (0, 1].
 */
export function shrinkCorrelation(c: readonly (readonly number[])[], weight: number): number[][] {
  const n = c.length;
  let sum = 0;
  for (let i = 0; i < n; i++) for (let j = 0; j < i; j++) sum += (c[i] as readonly number[])[j] as number;
  const rho = n > 1 ? Math.min(0.99, Math.max(0, sum / ((n * (n - 1)) / 2))) : 0;
  return c.map((row, i) => row.map((v, j) => (i === j ? 1 : (1 - weight) * v + weight * rho)));
}
