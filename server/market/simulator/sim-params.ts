// Calibration of the simulated A-share market (M2). Volatilities and rates are per minute so the
// model does not depend on how often the engine calls step(). Defaults aim at a plausible day:
// ~2% daily volatility for a beta-1 stock in calm, ~3x that in stress, a stress episode about
// every two trading days lasting ~30 minutes.
import type { Regime } from "../types";

export interface SimulatorParams {
  /** Standard deviation of the market factor's one-minute log return in calm. */
  marketVolPerMin: number;
  /** Standard deviation of the non-market (sector + idiosyncratic) one-minute return in calm. */
  residualVolPerMin: number;
  /** Volatility multiplier in the stressed regime. */
  stressVolMultiplier: number;
  /** Markov switching probabilities per minute. */
  calmToStressedPerMin: number;
  stressedToCalmPerMin: number;
  /** Per-symbol jump intensity (per minute) and log-jump size, by regime. */
  jumpRatePerMin: Record<Regime, number>;
  jumpMean: Record<Regime, number>;
  jumpStd: Record<Regime, number>;
  /** Market-wide jumps (scaled by beta), by regime. */
  marketJumpRatePerMin: Record<Regime, number>;
  marketJumpMean: number;
  marketJumpStd: number;
  /** Microstructure changes in stress: wider quotes, thinner books, more and larger trades. */
  stressSpreadMultiplier: number;
  stressDepthMultiplier: number;
  stressVolumeMultiplier: number;
  stressTradeRateMultiplier: number;
  /** Trading is much thinner while a stock is locked at a limit. */
  limitTradeRateMultiplier: number;
  /** Steps a liquidity shock lasts when the caller gives no duration. */
  defaultShockSteps: number;
}

export const DEFAULT_SIM_PARAMS: SimulatorParams = {
  marketVolPerMin: 0.0008,
  residualVolPerMin: 0.001,
  stressVolMultiplier: 3,
  calmToStressedPerMin: 1 / 480,
  stressedToCalmPerMin: 1 / 30,
  jumpRatePerMin: { CALM: 1 / 3000, STRESSED: 1 / 300 },
  jumpMean: { CALM: 0, STRESSED: -0.01 },
  jumpStd: { CALM: 0.02, STRESSED: 0.03 },
  marketJumpRatePerMin: { CALM: 0, STRESSED: 1 / 120 },
  marketJumpMean: -0.012,
  marketJumpStd: 0.008,
  stressSpreadMultiplier: 3,
  stressDepthMultiplier: 0.35,
  stressVolumeMultiplier: 2,
  stressTradeRateMultiplier: 1.5,
  limitTradeRateMultiplier: 0.3,
  defaultShockSteps: 60,
};

export function resolveSimParams(overrides: Partial<SimulatorParams> | undefined): SimulatorParams {
  return { ...DEFAULT_SIM_PARAMS, ...overrides };
}
