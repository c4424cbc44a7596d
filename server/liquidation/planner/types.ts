// The liquidation planner's contract (DESIGN R5): its input (an account as the margin model sees it,
// plus per position what may be sold and at what depth), its parameters (versioned inside the risk
// parameters as the optional `liquidation` section) and its output, the plan a ticket carries.
// Pure types only: the planner is `planLiquidation(input, riskParams, plannerParams)` in ./plan-liquidation.ts.
import type { PositionInput } from "../../risk/margin/margin-model";
import type { RiskParams, RiskStatus } from "../../risk/margin/risk-params";

/** Why shares cannot be sold now. T_PLUS_ONE: bought today (qty - sellableQty). NO_BID: a book was given with no bids. */
export type CannotCloseReason = "SUSPENDED" | "LIMIT_DOWN" | "T_PLUS_ONE" | "NO_BID";
export const CANNOT_CLOSE_REASONS: readonly CannotCloseReason[] = ["SUSPENDED", "LIMIT_DOWN", "T_PLUS_ONE", "NO_BID"];

/** One bid level: [price, qty in shares], best (highest) first. */
export type BookLevel = [price: number, qty: number];

export interface PlannerPosition extends PositionInput {
  /** Shares that may be sold now (0 <= sellableQty <= qty); the rest were bought today (T+1). */
  sellableQty: number;
  /** Hedge ratio 0..1 (the API's boolean `hedged` maps to 1 / 0): well-hedged positions are kept. */
  hedged: number;
  /** Fees the position earns the platform (CNY, any consistent period); high contributors are kept. */
  feeContribution: number;
  /** Bid side of the book, best first. Absent: the square-root impact model prices the sale. */
  book?: { bids: BookLevel[] };
  /** Shares per lot (A-shares: 100). Legs are whole lots, or the full sellable quantity when it has an odd remainder. */
  lotSize?: number;
  suspended?: boolean;
  /** The symbol trades at its limit-down price (no buyers above it): cannot close this minute. */
  limitDown?: boolean;
}

export interface PlanInput {
  cash: number;
  debt: number;
  positions: PlannerPosition[];
}

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

export interface LegFees {
  commission: number;
  stampDuty: number;
  transferFee: number;
  total: number;
}

export interface PlanLeg {
  symbol: string;
  qty: number;
  /** Volume-weighted expected fill price. */
  avgPrice: number;
  /** (mark - avgPrice) / mark in basis points. */
  slippageBps: number;
  grossProceeds: number; // qty * avgPrice
  fees: LegFees;
  netProceeds: number; // gross - fees
  priceSource: "BOOK" | "IMPACT_MODEL";
  score: number; // priority score (higher sold first)
}

export interface CannotCloseEntry {
  symbol: string;
  qty: number;
  reason: CannotCloseReason;
  haircut: number; // fraction applied
  haircutValue: number; // CNY taken off in the projection
}

export interface ProjectedFigures {
  cash: number;
  debt: number;
  marketValue: number;
  equity: number;
  maintenanceMargin: number;
  marginLevel: number | null;
  status: RiskStatus;
}

export interface LiquidationPlan {
  target: number; // R3 restore target ML
  before: ProjectedFigures;
  legs: PlanLeg[]; // in selling order
  projected: ProjectedFigures;
  /** True when the legs restore the target (or no sale was needed). */
  reachable: boolean;
  /**
   * CNY of equity still missing after the plan: max(0, target * MM' - E') where MM' and E' are the projected
   * figures (cannot-close shares at their haircut value). 0 when the target is reached; when nothing margined
   * remains (MM' = 0) it is the negative equity -E' that the loss waterfall (R8) absorbs.
   */
  shortfall: number;
  cannotClose: CannotCloseEntry[];
  repaidDebt: number;
  totalFees: number;
}

export type PlanLiquidation = (
  input: PlanInput,
  riskParams: RiskParams,
  plannerParams: PlannerParams,
) => LiquidationPlan;
