// Shared steps of the planners (R5): the ranked candidates, one leg's quote, the projected account after a
// set of legs and the restore-target test. Used by planLiquidation and by the naive reference planner.
import { evaluateAccount, type AccountResult, type PositionInput } from "../../risk/margin/margin-model";
import type { RiskParams } from "../../risk/margin/risk-params";
import { computeSellFees } from "./fees";
import { preparePosition, sharesForUnits, type PreparedPosition } from "./prepare-position";
import { computePriorityScore } from "./priority";
import type { CannotCloseEntry, CannotCloseReason, PlanInput, PlanLeg, PlannerParams, ProjectedFigures } from "./types";

export interface Choice {
  prep: PreparedPosition;
  units: number;
  score: number;
}

export function quoteLeg(c: Choice, pp: PlannerParams): PlanLeg {
  const qty = sharesForUnits(c.prep, c.units);
  const q = c.prep.pricer.quote(qty);
  const fees = computeSellFees(q.gross, pp.fees);
  return {
    symbol: c.prep.pos.symbol,
    qty,
    avgPrice: q.avgPrice,
    slippageBps: q.slippageBps,
    grossProceeds: q.gross,
    fees,
    netProceeds: q.gross - fees.total,
    priceSource: q.source,
    score: c.score,
  };
}

/** The account after the legs: one position per symbol, cannot-close shares at their haircut value. */
export function projectAccount(
  input: PlanInput,
  preps: readonly PreparedPosition[],
  legs: readonly PlanLeg[],
  sold: readonly number[],
) {
  const net = legs.reduce((s, l) => s + l.netProceeds, 0);
  const repaid = Math.min(input.debt, Math.max(0, net));
  const positions: PositionInput[] = [];
  for (const p of preps) {
    const x = sold[p.index] ?? 0;
    if (p.pos.qty - x <= 0) continue;
    positions.push({
      symbol: p.pos.symbol,
      qty: p.pos.qty - x,
      price: p.priceAfter(x),
      assetClass: p.pos.assetClass,
      liquidityTier: p.pos.liquidityTier,
      sigma: p.pos.sigma,
      adv: p.pos.adv,
      ...(p.pos.marginMultiplier !== undefined ? { marginMultiplier: p.pos.marginMultiplier } : {}),
    });
  }
  // R1: fees a sale cannot cover (a tiny leg under the commission minimum) are fees due, i.e. debt.
  const cash = input.cash + net - repaid;
  return { cash: Math.max(0, cash), debt: input.debt - repaid + Math.max(0, -cash), positions, repaid };
}

/** R3: the restore target is met when ML >= target, or nothing is margined and the account is not under water. */
export function meetsTarget(r: AccountResult, target: number): boolean {
  return r.marginLevel !== null ? r.marginLevel >= target : r.status !== "HARD_FLOOR";
}

export const toFigures = (cash: number, debt: number, r: AccountResult): ProjectedFigures => ({
  cash,
  debt,
  marketValue: r.marketValue,
  equity: r.equity,
  maintenanceMargin: r.maintenanceMargin,
  marginLevel: r.marginLevel,
  status: r.status,
});

export interface PlanContext {
  input: PlanInput;
  riskParams: RiskParams;
  pp: PlannerParams;
  target: number;
  before: AccountResult;
  preps: PreparedPosition[];
  /** Sellable positions, highest priority first, each at its full sellable quantity. */
  candidates: Choice[];
}

/** Validates and prepares every position and ranks the sellable ones by the R5 priority score. */
export function createPlanContext(input: PlanInput, riskParams: RiskParams, pp: PlannerParams): PlanContext {
  const before = evaluateAccount(input, riskParams);
  const preps = input.positions.map((p, i) => preparePosition(p, i, riskParams, pp));
  const feeTotal = input.positions.reduce((s, p) => s + p.feeContribution, 0);
  const candidates: Choice[] = [];
  for (const prep of preps) {
    if (prep.units === 0) continue;
    const full = prep.pricer.quote(prep.free);
    const score = computePriorityScore(
      {
        shareOfAdv: before.positions[prep.index]?.shareOfAdv ?? 0,
        fullSaleSlippageBps: full.slippageBps,
        hedged: prep.pos.hedged,
        feeShare: feeTotal > 0 ? prep.pos.feeContribution / feeTotal : 0,
      },
      pp,
    );
    candidates.push({ prep, units: prep.units, score });
  }
  const bySymbol = (a: Choice, b: Choice) =>
    a.prep.pos.symbol < b.prep.pos.symbol
      ? -1
      : a.prep.pos.symbol > b.prep.pos.symbol
        ? 1
        : a.prep.index - b.prep.index;
  candidates.sort((a, b) => b.score - a.score || bySymbol(a, b));
  return { input, riskParams, pp, target: riskParams.lines.target, before, preps, candidates };
}

/** The legs of a set of choices and the pure margin model on the account they leave. */
export function evaluateChoices(ctx: PlanContext, chosen: readonly Choice[]) {
  const legs = chosen.map((c) => quoteLeg(c, ctx.pp));
  const sold: number[] = new Array<number>(ctx.preps.length).fill(0);
  chosen.forEach((c, i) => (sold[c.prep.index] = legs[i]?.qty ?? 0));
  const acct = projectAccount(ctx.input, ctx.preps, legs, sold);
  return { legs, acct, result: evaluateAccount(acct, ctx.riskParams) };
}
export type ChoiceState = ReturnType<typeof evaluateChoices>;

/** The plan's figures and cannot-close list from a final state. */
export function finishPlan(ctx: PlanContext, state: ChoiceState, reachable: boolean) {
  const { legs, acct, result } = state;
  const cannotClose: CannotCloseEntry[] = [];
  for (const p of ctx.preps) {
    const reason: CannotCloseReason | null = p.reason;
    if (reason === null || p.blockedQty <= 0) continue;
    cannotClose.push({
      symbol: p.pos.symbol,
      qty: p.blockedQty,
      reason,
      haircut: p.haircut,
      haircutValue: p.blockedQty * p.pos.price * p.haircut,
    });
  }
  return {
    target: ctx.target,
    before: toFigures(ctx.input.cash, ctx.input.debt, ctx.before),
    legs,
    projected: toFigures(acct.cash, acct.debt, result),
    reachable,
    // Shortfall: CNY of equity still missing, max(0, target * MM' - E') (see LiquidationPlan.shortfall).
    shortfall: reachable ? 0 : Math.max(0, ctx.target * result.maintenanceMargin - result.equity),
    cannotClose,
    repaidDebt: acct.repaid,
    totalFees: legs.reduce((s, l) => s + l.fees.total, 0),
  };
}
