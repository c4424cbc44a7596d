// The snapshot a run starts from (T2): the risk engine's columnar book at its last bar close (prices,
// volatilities, margin overrides), the symbols' sector, beta, lot size and suspension, the parameters
// in force and the loss waterfall's live balances. Structured-clonable: it crosses to the worker thread.
import type { BookColumns } from "../risk/engine/book-columns";
import type { RiskParams } from "../risk/margin/risk-params";
import type { PlannerParams } from "../liquidation/planner/types";

export const PLATFORM_LAYERS = ["RISK_CAPITAL", "GUARANTEE_FUND", "JUNIOR_TRANCHE", "SENIOR_TRANCHE"] as const;
export type PlatformLayer = (typeof PLATFORM_LAYERS)[number];

export interface StressBook {
  book: BookColumns;
  prices: Float64Array;
  sigmas: Float64Array;
  multipliers: Float64Array;
  sector: string[];
  beta: Float64Array;
  lotSize: Int32Array;
  suspended: Uint8Array;
  params: RiskParams;
  planner: PlannerParams;
  paramVersion: number;
  asOfMinute: number;
  waterfall: Record<PlatformLayer, number>;
}

/** A step applied to this book: per symbol (book order) return and trading flags. */
export interface ResolvedStep {
  label: string;
  minutes: number;
  indexReturn: number;
  returns: Float64Array;
  suspended: Uint8Array;
  limitDown: Uint8Array;
  volumeFactor: number;
  volMultiplier: number;
}
