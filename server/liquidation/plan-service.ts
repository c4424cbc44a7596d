// DESIGN 10 POST /api/v1/liquidation/plan: the R5 planner on supplied inputs, no writes. The risk
// parameters are the caller's or the live version; the planner parameters are the caller's, else the
// version's `liquidation` section, else the defaults. Bad input is an AppError 400.
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { RiskInputError, assertValidParams, type RiskParams } from "../risk/margin/risk-params";
import { getActiveParams } from "../risk/params/param-service";
import { planLiquidation } from "./planner/plan-liquidation";
import type { PlanBody } from "./planner/plan-body";
import { resolvePlannerParams } from "./planner/planner-params";
import type { PlanInput, PlannerParams } from "./planner/types";

export function toPlanInput(body: PlanBody): PlanInput {
  return {
    cash: body.cash,
    debt: body.debt,
    positions: body.positions.map((p) => ({
      symbol: p.symbol,
      qty: p.qty,
      price: p.price,
      assetClass: p.assetClass,
      liquidityTier: p.liquidityTier,
      sigma: p.sigma,
      adv: p.adv,
      sellableQty: p.sellableQty ?? p.qty,
      hedged: typeof p.hedged === "boolean" ? (p.hedged ? 1 : 0) : p.hedged,
      feeContribution: p.feeContribution,
      lotSize: p.lotSize ?? body.lotSize,
      ...(p.book ? { book: { bids: p.book.bids.map(([price, qty]): [number, number] => [price, qty]) } } : {}),
      ...(p.suspended ? { suspended: true } : {}),
      ...(p.limitDown ? { limitDown: true } : {}),
    })),
  };
}

export async function planLiquidationForApi(prisma: PrismaClient, body: PlanBody) {
  try {
    let version: number | null = null;
    let params = body.params as RiskParams | undefined;
    if (params) assertValidParams(params);
    else ({ version, params } = await getActiveParams(prisma));
    const pp = (body.plannerParams as PlannerParams | undefined) ?? resolvePlannerParams(params);
    const plan = planLiquidation(toPlanInput(body), params, pp);
    return {
      legs: plan.legs.map((l) => ({
        symbol: l.symbol,
        qty: l.qty,
        avgPrice: l.avgPrice,
        slippageBps: l.slippageBps,
        grossProceeds: l.grossProceeds,
        fees: l.fees,
        netProceeds: l.netProceeds,
        priceSource: l.priceSource,
      })),
      projected: plan.projected,
      shortfall: plan.shortfall,
      cannotClose: plan.cannotClose.map((c) => c.symbol),
      cannotCloseDetails: plan.cannotClose,
      reachable: plan.reachable,
      target: plan.target,
      before: plan.before,
      repaidDebt: plan.repaidDebt,
      totalFees: plan.totalFees,
      parameterVersion: version, // null when the caller supplied params
    };
  } catch (err) {
    if (err instanceof RiskInputError) throw new AppError("BAD_REQUEST", err.message);
    throw err;
  }
}
