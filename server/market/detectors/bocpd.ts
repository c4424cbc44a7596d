// Bayesian online change-point detection (M5, DESIGN 10): Adams and MacKay (2007), Algorithm 1,
// with a Normal-Gamma prior (unknown mean and precision) and a constant hazard. The run-length
// distribution is kept for at most maxRunLength + 1 run lengths (truncation drops the longest
// run's mass and renormalises), so each step costs O(R). Until a run exceeds maxRunLength the
// result equals the untruncated recursion (bocpd-naive.ts) to rounding.

export interface NormalGammaPrior {
  mu0: number;
  kappa0: number;
  alpha0: number;
  beta0: number;
}

export const DEFAULT_HAZARD = 1 / 250;

/** ln Gamma(x) for x > 0 (Lanczos, g = 7, n = 9; ~1e-15 relative). */
export function lnGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0] ?? 0;
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += (c[i] ?? 0) / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Student-t predictive density of x under Normal-Gamma(mu, kappa, alpha, beta). */
export function studentTPredictive(x: number, mu: number, kappa: number, alpha: number, beta: number): number {
  const nu = 2 * alpha;
  const scale2 = (beta * (kappa + 1)) / (alpha * kappa);
  const d = ((x - mu) * (x - mu)) / (nu * scale2);
  const lnp =
    lnGamma(alpha + 0.5) - lnGamma(alpha) - 0.5 * Math.log(nu * Math.PI * scale2) - (alpha + 0.5) * Math.log1p(d);
  return Math.exp(lnp);
}

export function validateBocpdParams(hazard: number, prior: NormalGammaPrior): void {
  if (!(hazard > 0 && hazard < 1)) throw new RangeError("hazard must be in (0, 1)");
  if (!Number.isFinite(prior.mu0)) throw new RangeError("prior.mu0 must be finite");
  if (!(prior.kappa0 > 0 && prior.alpha0 > 0 && prior.beta0 > 0)) {
    throw new RangeError("prior.kappa0, alpha0 and beta0 must be > 0");
  }
}

export class Bocpd {
  /** p[r] = P(run length r | data so far), r = 0..len-1. */
  private p: Float64Array;
  private mu: Float64Array;
  private kappa: Float64Array;
  private alpha: Float64Array;
  private beta: Float64Array;
  private next: Float64Array;
  private len = 1;
  private readonly cap: number;
  /** Gamma(alpha + 0.5) / Gamma(alpha) / sqrt(pi) depends on the run length only: cached. */
  private readonly gRatio: Float64Array;
  truncated = false;

  constructor(
    readonly hazard: number,
    readonly prior: NormalGammaPrior,
    readonly maxRunLength: number,
  ) {
    validateBocpdParams(hazard, prior);
    if (!(Number.isInteger(maxRunLength) && maxRunLength >= 1))
      throw new RangeError("maxRunLength must be an integer >= 1");
    this.cap = maxRunLength + 1;
    this.p = new Float64Array(this.cap + 1);
    this.mu = new Float64Array(this.cap + 1);
    this.kappa = new Float64Array(this.cap + 1);
    this.alpha = new Float64Array(this.cap + 1);
    this.beta = new Float64Array(this.cap + 1);
    this.next = new Float64Array(this.cap + 1);
    this.gRatio = new Float64Array(this.cap + 1);
    for (let r = 0; r <= this.cap; r++) {
      const a = prior.alpha0 + r / 2;
      this.gRatio[r] = Math.exp(lnGamma(a + 0.5) - lnGamma(a)) / Math.sqrt(Math.PI);
    }
    this.p[0] = 1;
    this.setPrior(0);
  }

  private setPrior(r: number): void {
    this.mu[r] = this.prior.mu0;
    this.kappa[r] = this.prior.kappa0;
    this.alpha[r] = this.prior.alpha0;
    this.beta[r] = this.prior.beta0;
  }

  /** Observes x; returns the most probable run length and the expected run length after x. */
  update(x: number): { map: number; expected: number; cpProb: number } {
    const H = this.hazard;
    const { p, mu, kappa, alpha, beta, next } = this;
    let cp = 0;
    // Growth: run r -> r + 1 with probability p[r] * pi_r(x) * (1 - H); change: mass to run 0.
    for (let r = 0; r < this.len; r++) {
      const k = kappa[r] ?? 1;
      const a = alpha[r] ?? 1;
      const b = beta[r] ?? 1;
      const m = mu[r] ?? 0;
      const nu = 2 * a;
      const scale2 = (b * (k + 1)) / (a * k);
      const d = ((x - m) * (x - m)) / (nu * scale2);
      // Student-t density: one pow and one sqrt per run length (the hot loop of the minute hook).
      const pred = ((this.gRatio[r] ?? 0) * Math.pow(1 + d, -(a + 0.5))) / Math.sqrt(nu * scale2);
      const joint = (p[r] ?? 0) * pred;
      next[r + 1] = joint * (1 - H);
      cp += joint * H;
    }
    next[0] = cp;
    let newLen = this.len + 1;
    // Parameters: run r + 1 is run r updated with x (walk down so nothing is overwritten early).
    for (let r = this.len - 1; r >= 0; r--) {
      const k = kappa[r] ?? 1;
      const m = mu[r] ?? 0;
      mu[r + 1] = (k * m + x) / (k + 1);
      beta[r + 1] = (beta[r] ?? 1) + (k * (x - m) * (x - m)) / (2 * (k + 1));
      kappa[r + 1] = k + 1;
      alpha[r + 1] = (alpha[r] ?? 1) + 0.5;
    }
    this.setPrior(0);
    if (newLen > this.cap) {
      newLen = this.cap; // drop the longest run's mass (truncation)
      this.truncated = true;
    }
    let total = 0;
    for (let r = 0; r < newLen; r++) total += next[r] ?? 0;
    let map = 0;
    let best = -1;
    let expected = 0;
    for (let r = 0; r < newLen; r++) {
      const v = total > 0 ? (next[r] ?? 0) / total : r === 0 ? 1 : 0;
      p[r] = v;
      if (v > best) {
        best = v;
        map = r;
      }
      expected += r * v;
    }
    this.len = newLen;
    return { map, expected, cpProb: p[0] ?? 0 };
  }

  /** Copy of the run-length distribution. */
  distribution(): number[] {
    return Array.from(this.p.subarray(0, this.len));
  }
}

export interface BocpdInput {
  series: readonly number[];
  hazard: number;
  prior: NormalGammaPrior;
  maxRunLength: number;
}

/** DESIGN 10 POST /detectors/bocpd. */
export function runBocpd(input: BocpdInput): {
  runLengthMap: number[];
  expectedRunLength: number[];
  truncated: boolean;
} {
  const b = new Bocpd(input.hazard, input.prior, input.maxRunLength);
  const runLengthMap: number[] = [];
  const expectedRunLength: number[] = [];
  for (const x of input.series) {
    const r = b.update(x);
    runLengthMap.push(r.map);
    expectedRunLength.push(r.expected);
  }
  return { runLengthMap, expectedRunLength, truncated: b.truncated };
}
