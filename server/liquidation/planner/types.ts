// The liquidation planner's contract (DESIGN R5): its input (an account as the margin model sees it,
// plus per position what may be sold and at what depth), its parameters (versioned inside the risk
// parameters as the optional `liquidation` section) and its output, the plan a ticket carries.
// Pure types only: the planner is `planLiquidation(input, riskParams, plannerParams)` in ./plan-liquidation.ts.
import type { PositionInput } from "../../risk/margin/margin-model";
import type { RiskParams, RiskStatus } from "../../risk/margin/risk-params";
import type { CannotCloseReason, PlannerParams } from "./planner-params-types";

export type { CannotCloseReason, FeeParams, PlannerParams, PriorityWeights } from "./planner-params-types";

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
