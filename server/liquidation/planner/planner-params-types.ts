// The liquidation planner's parameters, versioned inside the risk parameters as their optional
// `liquidation` section. A leaf module (no imports): the risk parameters name it and the planner's
// types re-export it, so neither depends on the other through it.

/** Why shares cannot be sold now. T_PLUS_ONE: bought today (qty - sellableQty). NO_BID: a book was given with no bids. */
export type CannotCloseReason = "SUSPENDED" | "LIMIT_DOWN" | "T_PLUS_ONE" | "NO_BID";

export interface PriorityWeights {
  illiquidity: number; // + share of ADV the position represents
  slippage: number; // + expected slippage of selling the whole sellable quantity
  unhedged: number; // + (1 - hedge ratio)
  feeContribution: number; // - the position's share of the account's fee contribution
}

export interface FeeParams {
  commissionRate: number; // of gross proceeds, per leg
  commissionMin: number; // CNY per leg
  stampDutyRate: number; // sells only: 0.0005 (0.05%) since 2023-08-28
  transferFeeRate: number; // 0.00001 (0.001%) of gross proceeds, SSE and SZSE
}

export interface PlannerParams {
  weights: PriorityWeights;
  /** Share of ADV (position value / ADV) at which the illiquidity feature reaches 1. */
  illiquidShareOfAdv: number;
  /** Expected slippage (bps) at which the slippage feature reaches 1. */
  slippageRefBps: number;
  /** Square-root impact when no book: slippage = y * sigma_1m * sqrt(minutesPerDay) * sqrt(qty*price / adv), capped. */
  impact: { y: number; minutesPerDay: number; maxSlippage: number };
  fees: FeeParams;
  /** Fraction taken off the value of cannot-close shares in the projection, per reason. */
  cannotCloseHaircut: Record<CannotCloseReason, number>;
  /** R6 review window after a ticket is created. */
  reviewWindowSeconds: number;
  /** R6 holds: one hold lasts until the next bar close; the sum of held time per ticket is capped (MANAGER may extend). */
  hold: { cumulativeCapSeconds: number; maxRenewals: number };
  /** R7: at most this share of a symbol's minute volume is executed per minute; the rest carries over. */
  maxShareOfMinuteVolume: number;
  defaultLotSize: number;
  /** Mark guard (../mark-guard.ts); absent: DEFAULT_MARK_GUARD_PARAMS. */
  markGuard?: { divergenceBand: number; minPrints: number };
}
