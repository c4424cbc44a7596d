// In-memory domain services that live as long as the process (owned by the runtime, filled by
// the domain plugins at start) and that tRPC procedures and other domains may use. Each domain
// adds its own optional field; tests pass the ones they need.
import type { EventBus } from "./engine/event-bus";
import type { LiquidationDesk } from "./liquidation/liquidation-desk";
import type { OncallServices } from "./oncall/oncall-services";
import type { MarketMonitoring } from "./market/monitoring/market-monitoring";
import type { RiskEngine } from "./risk/engine/risk-engine";
import type { SurveillanceMonitor } from "./surveillance/surveillance-monitor";
import type { StressRunKpiSource } from "./reports/stress-summary";

/** Per-symbol volatility for the margin model (M4 EWMA of 1m log returns, per minute). */
export interface VolatilitySource {
  sigma(symbol: string): number | undefined;
}

/** Live R1-R2 figures of an account at the last bar close (filled by the risk plugin, issue 4). */
export interface AccountRiskSnapshot {
  accountId: string;
  equity: number; // CNY
  marketValue: number; // CNY
  initialMargin: number; // CNY, sum of im_i amounts
  maintenanceMargin: number; // CNY
  marginLevel: number | null;
  status: "HEALTHY" | "WARNING" | "LIQUIDATION" | "HARD_FLOOR";
  asOf: number; // bar close, epoch ms
  parameterVersion: number;
}
export interface AccountRiskSource {
  snapshot(accountId: string): AccountRiskSnapshot | undefined;
}

/** Symbol-level actions of the alert rules (M6), read by the margin model (filled by issue 3). */
export interface SymbolRiskOverrides {
  /** Multiplier >= 1 applied to the symbol's maintenance margin rate (1 when none). */
  marginMultiplier(symbol: string): number;
  /** New buys in the symbol are restricted (risk-reducing sells never are). */
  buyRestricted(symbol: string): boolean;
}

export interface Services {
  bus?: EventBus;
  /** Set by the market monitoring plugin (issue 3). */
  volatility?: VolatilitySource;
  /** Set by the market monitoring plugin (issue 3). */
  symbolOverrides?: SymbolRiskOverrides;
  // market monitoring (issue 3): add fields below this line
  /** Set by the market monitoring plugin (issue 3): indicators, alerts, feeds and drills at run time. */
  monitoring?: MarketMonitoring;

  /** Set by the risk plugin (issue 4); payments use it for the initial-margin check (P3). */
  accountRisk?: AccountRiskSource;
  // risk engine (issue 4): add fields below this line
  /** The risk engine's live book and last tick (issue 4): accounts list, heatmap, replay. */
  riskEngine?: RiskEngine;

  // payments (issue 5): add fields below this line

  /** The liquidation desk (issue 10): ticket sync, deadlines and execution on the engine instance. */
  liquidation?: LiquidationDesk;

  /** On-call paging: sealing, acknowledge links, sender; the pager on the engine's instance. */
  oncall?: OncallServices;
  /** Surveillance (issue 11): the minute loop's rules state, link graph and anomaly scores. */
  surveillance?: SurveillanceMonitor;
  /** Reports (issue 13, T4): the engine clock for periods; stressRuns is set by the stress domain (T2). */
  reports?: { now: () => number; stressRuns?: StressRunKpiSource };
}
