// The straightforward, untruncated Adams-MacKay recursion (the full T x T run-length matrix with
// per-run-length parameter arrays rebuilt every step), kept as the reference the streaming
// detector is tested against and as the benchmark's baseline. O(T^2) time and memory.
import { studentTPredictive, validateBocpdParams, type NormalGammaPrior } from "./bocpd";

/** R[t][r] = P(run length r after t observations); R[0] = [1]. */
export function runBocpdNaive(series: readonly number[], hazard: number, prior: NormalGammaPrior): number[][] {
  validateBocpdParams(hazard, prior);
  const R: number[][] = [[1]];
  let mu = [prior.mu0];
  let kappa = [prior.kappa0];
  let alpha = [prior.alpha0];
  let beta = [prior.beta0];
  series.forEach((x, t) => {
    const prev = R[t] ?? [];
    const pred = prev.map((_, r) => studentTPredictive(x, mu[r] ?? 0, kappa[r] ?? 1, alpha[r] ?? 1, beta[r] ?? 1));
    const growth = prev.map((p, r) => p * (pred[r] ?? 0) * (1 - hazard));
    const cp = prev.reduce((s, p, r) => s + p * (pred[r] ?? 0) * hazard, 0);
    const row = [cp, ...growth];
    const evidence = row.reduce((s, v) => s + v, 0);
    R.push(row.map((v) => v / evidence));
    const newBeta = beta.map((b, r) => b + ((kappa[r] ?? 1) * (x - (mu[r] ?? 0)) ** 2) / (2 * ((kappa[r] ?? 1) + 1)));
    const newMu = mu.map((m, r) => ((kappa[r] ?? 1) * m + x) / ((kappa[r] ?? 1) + 1));
    mu = [prior.mu0, ...newMu];
    beta = [prior.beta0, ...newBeta];
    kappa = [prior.kappa0, ...kappa.map((k) => k + 1)];
    alpha = [prior.alpha0, ...alpha.map((a) => a + 0.5)];
  });
  return R;
}
