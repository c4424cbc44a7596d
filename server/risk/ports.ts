// What the risk engine reads from other domains and what it offers them, as plain interfaces: the
// market monitoring implements the inputs, payments, surveillance and liquidation read the
// snapshots. Kept free of imports so no domain depends on another's module through them.

/** Per-symbol volatility for the margin model (M4 EWMA of 1m log returns, per minute). */
export interface VolatilitySource {
  /** undefined while the symbol has too few returns; the risk engine then uses its own EWMA. */
  sigma(symbol: string): number | undefined;
}

/** Symbol-level actions of the alert rules (M6), read by the margin model. */
export interface SymbolRiskOverrides {
  /** Multiplier >= 1 applied to the symbol's maintenance margin rate (1 when none). */
  marginMultiplier(symbol: string): number;
  /** New buys in the symbol are restricted (risk-reducing sells never are). */
  buyRestricted(symbol: string): boolean;
}

/** Live R1-R2 figures of an account at the last bar close. */
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
  /** undefined for an account the last tick did not value (new, or no tick yet). */
  snapshot(accountId: string): AccountRiskSnapshot | undefined;
}
