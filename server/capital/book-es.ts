// C1 on the live book, the compute-pool task: simulate the held symbols' returns (Student-t, the
// current correlation) and allocate the book's expected shortfall to accounts by Euler. Pure and
// synchronous (it runs in a worker thread; see server/workers/compute-tasks.ts).
import { allocateExposureEs, type ExposureLine } from "./exposure-es";
import { simulateReturns } from "./monte-carlo";

export interface BookEsInput {
  sigmas: number[];
  correlation: number[][];
  nu: number;
  paths: number;
  seed: number;
  horizon: number;
  alpha: number;
  units: ExposureLine[][];
}

export function computeBookEs(input: BookEsInput) {
  const returns = simulateReturns(input);
  const r = allocateExposureEs({ returns, symbols: input.sigmas.length, units: input.units, alpha: input.alpha });
  return {
    var: r.var,
    es: r.es,
    contributions: Array.from(r.contributions),
    symbolTailLoss: Array.from(r.symbolTailLoss),
    tailSize: r.tail.length,
  };
}
