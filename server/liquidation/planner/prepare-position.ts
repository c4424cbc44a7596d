// One position as the planner sees it (R5): what cannot be sold and why, how many shares may be sold in
// which units, the sale pricer, and the position's value and maintenance margin after selling x shares
// (cannot-close shares at their haircut value), computed with the pure margin model's evaluatePosition.
import { evaluatePosition, type PositionInput } from "../../risk/margin/margin-model";
import { RiskInputError, type RiskParams } from "../../risk/margin/risk-params";
import { createSalePricer, type SalePricer } from "./slippage";
import type { CannotCloseReason, PlannerParams, PlannerPosition } from "./types";

export interface PreparedPosition {
  index: number;
  pos: PlannerPosition;
  lot: number;
  /** Shares that cannot be sold now, and why (null when none). */
  blockedQty: number;
  reason: CannotCloseReason | null;
  haircut: number;
  /** Shares that may be sold now; legs are x(u) = min(u * lot, free) for u = 1..units. */
  free: number;
  units: number;
  pricer: SalePricer;
  /** Projected value and margin of the position after selling x shares. */
  valueAfter(x: number): number;
  priceAfter(x: number): number;
  marginAfter(x: number): number;
}

const isOwnKey = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

function checkPosition(p: PlannerPosition, params: RiskParams, lot: number): void {
  const fail = (what: string) => {
    throw new RiskInputError(`${p.symbol}: ${what}`);
  };
  // The margin model looks classes and tiers up by key: an inherited key ("constructor") must not pass.
  if (!isOwnKey(params.base, p.assetClass)) fail(`unknown asset class "${p.assetClass}".`);
  if (!isOwnKey(params.liquidityMultiplier, p.liquidityTier)) fail(`unknown liquidity tier "${p.liquidityTier}".`);
  if (!(p.sellableQty >= 0 && p.sellableQty <= p.qty)) fail(`sellableQty must be between 0 and qty (got ${p.sellableQty} of ${p.qty}).`);
  if (!(p.hedged >= 0 && p.hedged <= 1)) fail(`hedged must be between 0 and 1 (got ${p.hedged}).`);
  if (!(p.feeContribution >= 0) || !Number.isFinite(p.feeContribution)) fail(`feeContribution must be zero or more.`);
  if (!Number.isInteger(lot) || lot < 1) fail(`lotSize must be a whole number of shares, at least 1 (got ${lot}).`);
  let prev = Infinity;
  for (const [price, qty] of p.book?.bids ?? []) {
    if (!(price > 0) || !Number.isFinite(price) || !(qty > 0) || !Number.isFinite(qty)) fail("book levels need a positive price and quantity.");
    if (price > prev) fail("book bids must be best (highest) first.");
    prev = price;
  }
}

function findBlock(p: PlannerPosition): { reason: CannotCloseReason | null; blockedQty: number } {
  if (p.suspended) return { reason: "SUSPENDED", blockedQty: p.qty };
  if (p.limitDown) return { reason: "LIMIT_DOWN", blockedQty: p.qty };
  if (p.book && p.book.bids.length === 0) return { reason: "NO_BID", blockedQty: p.qty };
  if (p.sellableQty < p.qty) return { reason: "T_PLUS_ONE", blockedQty: p.qty - p.sellableQty };
  return { reason: null, blockedQty: 0 };
}

export function preparePosition(pos: PlannerPosition, index: number, params: RiskParams, pp: PlannerParams): PreparedPosition {
  const lot = pos.lotSize ?? pp.defaultLotSize;
  checkPosition(pos, params, lot);
  const { reason, blockedQty } = findBlock(pos);
  const haircut = reason ? pp.cannotCloseHaircut[reason] : 0;
  const free = pos.price > 0 ? pos.qty - blockedQty : 0;
  const mark = pos.price;
  const scratch: PositionInput = {
    symbol: pos.symbol, qty: 0, price: 0, assetClass: pos.assetClass, liquidityTier: pos.liquidityTier, sigma: pos.sigma, adv: pos.adv,
    ...(pos.marginMultiplier !== undefined ? { marginMultiplier: pos.marginMultiplier } : {}),
  };
  const blockedValue = blockedQty * mark * (1 - haircut);
  const valueAfter = (x: number) => (pos.qty - blockedQty - x) * mark + blockedValue;
  // One position per symbol in the projection: its value divided by its remaining shares, so the size tier
  // still sees the whole remaining holding.
  const priceAfter = (x: number) => {
    const q = pos.qty - x;
    return q > 0 ? valueAfter(x) / q : mark;
  };
  const marginAfter = (x: number) => {
    scratch.qty = pos.qty - x;
    if (scratch.qty <= 0) return 0;
    scratch.price = priceAfter(x);
    return evaluatePosition(scratch, params).mm;
  };
  return {
    index, pos, lot, blockedQty, reason, haircut, free,
    units: Math.ceil(free / lot),
    pricer: createSalePricer(mark, pos.sigma, pos.adv, pos.book?.bids, pp.impact),
    valueAfter, priceAfter, marginAfter,
  };
}

/** x(u): shares sold in u units; the last unit carries an odd remainder (odd lots sell in one order). */
export function sharesForUnits(p: PreparedPosition, u: number): number {
  return Math.min(u * p.lot, p.free);
}
