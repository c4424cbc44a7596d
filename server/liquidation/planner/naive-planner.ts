// The reference planner the benchmark compares against (R5): the same priority order, but it sells one
// unit at a time and re-evaluates the whole account with the pure margin model after every unit.
// Finds the first unit at which the target is met; O(units x positions) per account.
import type { RiskParams } from "../../risk/margin/risk-params";
import { createPlanContext, evaluateChoices, finishPlan, meetsTarget, type Choice } from "./plan-context";
import type { LiquidationPlan, PlanInput, PlannerParams } from "./types";

export function planLiquidationNaively(input: PlanInput, riskParams: RiskParams, pp: PlannerParams): LiquidationPlan {
  const ctx = createPlanContext(input, riskParams, pp);
  const chosen: Choice[] = [];
  let state = evaluateChoices(ctx, chosen);
  if (meetsTarget(state.result, ctx.target)) return finishPlan(ctx, state, true);
  for (const c of ctx.candidates) {
    const leg: Choice = { ...c, units: 0 };
    chosen.push(leg);
    while (leg.units < c.units) {
      leg.units += 1;
      state = evaluateChoices(ctx, chosen);
      if (meetsTarget(state.result, ctx.target)) return finishPlan(ctx, state, true);
    }
  }
  return finishPlan(ctx, state, false);
}
