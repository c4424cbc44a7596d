// The stress scenario contract (T1): a scenario is a sequence of steps, each a bar close at which
// prices move, followed by the minutes during which liquidation may sell (a day-scale step spans the
// 240 minutes of an A-share session, a minute path one minute). Pure types, shared by the library,
// the run (T2, in a worker thread) and the UI.

export type ScenarioKind = "HISTORICAL" | "SYNTHETIC" | "MONTE_CARLO";

export interface ScenarioStep {
  /** What the step is: a date, a time or a description ("2015-07-08", "14:45"). */
  label: string;
  /** Minutes of trading after the price move during which liquidation may sell (>= 1). */
  minutes: number;
  /** Simple return of the reference index over the step (what the scenario is built from). */
  indexReturn: number;
  /** Return per demo sector, replacing beta * indexReturn for that sector's symbols. */
  sectorReturns?: Record<string, number>;
  /** Return per symbol code, replacing everything else. */
  symbolReturns?: Record<string, number>;
  /**
   * A real cross-section (SP2001): each book symbol takes the return of the constituent of its sector
   * (demo sector name) with the nearest beta; symbols of a sector with no constituent use all of them.
   */
  crossSection?: CrossSectionEntry[];
  /** Share of symbols suspended this step: the least liquid first (they keep their price, cannot close). */
  suspendedShare?: number;
  /** Share of symbols that close limit-down this step: the hardest hit first (at the limit, cannot close). */
  limitDownShare?: number;
  /** Multiplier of each symbol's normal minute volume (a liquidity crunch is < 1). */
  volumeFactor?: number;
  /** 1: every symbol moves exactly with the index (beta and sector ignored). */
  correlationToOne?: boolean;
  /** Apply the A-share daily price limits (10% main board, 20% growth board): beyond it, limit-down. */
  priceLimits?: boolean;
  /** Volatility multiplier of the step (feeds the margin model's V_i and the impact model). */
  volMultiplier?: number;
}

export interface CrossSectionEntry {
  code: string;
  sector: string | null;
  beta: number;
  ret: number;
}

export interface ScenarioDef {
  /** Stable id: "hist.china-2015", "syn.uniform", or the stored user scenario's id. */
  id: string;
  name: string;
  kind: ScenarioKind;
  description: string;
  /** Where the numbers come from (file and rows, or published figures). */
  source: string;
  steps: ScenarioStep[];
}

/** Monte Carlo: GARCH(1,1) index with Student-t shocks (unit variance), per-symbol beta and idiosyncratic noise. */
export interface MonteCarloSpec {
  paths: number;
  steps: number; // trading days per path
  seed: number;
  minutesPerStep: number;
  garch: { omega: number; alpha: number; beta: number; sigma0: number };
  nu: number; // Student-t degrees of freedom (> 2)
  idioVol: number; // daily idiosyncratic volatility
}
