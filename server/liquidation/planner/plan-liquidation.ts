// R5 liquidation planner, pure. Sells positions in priority order, whole positions until the next one
// can restore the target, then the fewest units of that last leg (binary search). The decision uses an
// incremental, separable form of the target test instead of re-evaluating the account per lot:
//   F = E' - target * MM',  E' = C + sum(net proceeds) + sum(value after) - D,  MM' = sum(margin after)
// (proceeds repay debt first and the excess becomes cash; either way E' moves by the net proceeds), so
// each position contributes g_i(x) = net_i(x) + value_i(x) - value_i(0) - target * (mm_i(x) - mm_i(0)).
// The final projection is the pure margin model on the projected account, and the last leg is nudged so
// that model agrees (float rounding at the boundary). Unreachable: sell all sellable, record the shortfall.
import type { RiskParams } from "../../risk/margin/risk-params";
import { computeSellFees } from "./fees";
import { createPlanContext, evaluateChoices, finishPlan, meetsTarget, type Choice, type ChoiceState, type PlanContext } from "./plan-context";
import { sharesForUnits } from "./prepare-position";
import type { LiquidationPlan, PlanInput, PlannerParams } from "./types";

export function planLiquidation(input: PlanInput, riskParams: RiskParams, pp: PlannerParams): LiquidationPlan {
  const ctx = createPlanContext(input, riskParams, pp);
  const { target } = ctx;
  const gain = (c: Choice, units: number) => {
    const x = sharesForUnits(c.prep, units);
    const q = c.prep.pricer.quote(x);
    const net = q.gross - computeSellFees(q.gross, pp.fees).total;
    return net + c.prep.valueAfter(x) - c.prep.valueAfter(0) - target * (c.prep.marginAfter(x) - c.prep.marginAfter(0));
  };

  const chosen: Choice[] = [];
  let state = evaluateChoices(ctx, chosen);
  let reachable = meetsTarget(state.result, target);
  if (!reachable) {
    let f = state.result.equity - target * state.result.maintenanceMargin;
    const deferred: Choice[] = [];
    for (const c of ctx.candidates) {
      const gFull = gain(c, c.units);
      if (f + gFull >= 0) {
        // Smallest u with f + g(u) >= 0; f + g(0) = f < 0, so a crossing lies in (0, units].
        let lo = 0;
        let hi = c.units;
        while (hi - lo > 1) {
          const mid = (lo + hi) >> 1;
          if (f + gain(c, mid) >= 0) hi = mid;
          else lo = mid;
        }
        chosen.push({ ...c, units: hi });
        reachable = true;
        break;
      }
      // A sale that lowers F (slippage and fees above target * margin released) only helps if all else fails.
      if (gFull > 0) {
        chosen.push(c);
        f += gFull;
      } else deferred.push(c);
    }
    if (reachable) {
      state = settleLastLeg(ctx, chosen);
      reachable = meetsTarget(state.result, target);
    } else {
      chosen.push(...deferred);
      state = evaluateChoices(ctx, chosen);
    }
  }
  return finishPlan(ctx, state, reachable);
}

/** Nudges the last leg's units until the pure model agrees: the target is met and one unit less misses it. */
function settleLastLeg(ctx: PlanContext, chosen: Choice[]): ChoiceState {
  const last = chosen[chosen.length - 1];
  let state = evaluateChoices(ctx, chosen);
  if (!last) return state;
  while (!meetsTarget(state.result, ctx.target) && last.units < last.prep.units) {
    last.units += 1;
    state = evaluateChoices(ctx, chosen);
  }
  while (last.units > 1) {
    last.units -= 1;
    const fewer = evaluateChoices(ctx, chosen);
    if (!meetsTarget(fewer.result, ctx.target)) {
      last.units += 1;
      break;
    }
    state = fewer;
  }
  return state;
}
