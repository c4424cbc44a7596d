// T1 Monte Carlo: index returns from a GARCH(1,1) with Student-t shocks (fat tails and volatility
// clustering, Bollerslev 1986 / 1987):  r_t = sigma_t z_t,  sigma_t^2 = omega + alpha r_{t-1}^2 + beta sigma_{t-1}^2,
// z_t ~ t(nu) scaled to unit variance; each symbol's return is beta_s r_t plus an idiosyncratic t shock
// of `idioVol`, under the A-share daily price limits. One seed per run; path p uses seed + p, so a
// path can be re-run alone and the run is the same whatever the order paths are computed in.
import { createRng } from "./random";
import type { MonteCarloSpec } from "./scenario-types";

export const DEFAULT_MC_SPEC: Omit<MonteCarloSpec, "paths" | "seed"> = {
  steps: 5,
  minutesPerStep: 240,
  // Daily A-share index figures in a stressed regime: start at 3% a day, long-run 1.8% a day
  // (omega = 0.018^2 * (1 - alpha - beta)), persistence alpha + beta = 0.95.
  garch: { omega: 0.018 ** 2 * 0.05, alpha: 0.1, beta: 0.85, sigma0: 0.03 },
  nu: 4,
  idioVol: 0.015,
};

export interface McPath {
  indexReturns: number[];
  /** Per step, per symbol (in the order of `betas`) simple returns before price limits. */
  symbolReturns: Float64Array[];
}

export function generateMcPath(spec: MonteCarloSpec, path: number, betas: Float64Array): McPath {
  const rng = createRng((spec.seed + path * 0x9e3779b1) >>> 0);
  const { omega, alpha, beta } = spec.garch;
  let variance = spec.garch.sigma0 ** 2;
  let prev = 0;
  const indexReturns: number[] = [];
  const symbolReturns: Float64Array[] = [];
  for (let t = 0; t < spec.steps; t += 1) {
    if (t > 0) variance = omega + alpha * prev * prev + beta * variance;
    // Log return from the GARCH recursion; simple return for the step.
    const logR = Math.sqrt(variance) * rng.studentT(spec.nu);
    prev = logR;
    indexReturns.push(Math.expm1(logR));
    const out = new Float64Array(betas.length);
    for (let s = 0; s < betas.length; s += 1)
      out[s] = Math.expm1((betas[s] ?? 1) * logR + spec.idioVol * rng.studentT(spec.nu));
    symbolReturns.push(out);
  }
  return { indexReturns, symbolReturns };
}
