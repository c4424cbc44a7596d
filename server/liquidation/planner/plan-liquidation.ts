// R5 liquidation planner, pure. Sells positions in priority order, whole positions until the next one
// can restore the target, then the fewest units of that last leg (binary search). The decision uses an
// incremental, separable form of the target test instead of re-evaluating the account per lot:
//   F = E' - target * MM',  E' = C + sum(net proceeds) + sum(value after) - D,  MM' = sum(margin after)
// (proceeds repay debt first and the excess becomes cash; either way E' moves by the net proceeds), so
// each position contributes g_i(x) = net_i(x) + value_i(x) - value_i(0) - target * (mm_i(x) - mm_i(0)).
// The projection is the pure margin model on the projected account; where F is within float noise of 0
// (or nothing is margined) that model decides, and the last leg is nudged until it agrees.
// Unreachable: sell all sellable, record the shortfall.
import type { RiskParams } from "../../risk/margin/risk-params";
import { computeSellFees } from "./fees";
import {
  createPlanContext,
  evaluateChoices,
  finishPlan,
  meetsTarget,
  type Choice,
  type ChoiceState,
  type PlanContext,
} from "./plan-context";
import { sharesForUnits } from "./prepare-position";
import type { LiquidationPlan, PlanInput, PlannerParams } from "./types";

export function planLiquidation(input: PlanInput, riskParams: RiskParams, pp: PlannerParams): LiquidationPlan {
  const ctx = createPlanContext(input, riskParams, pp);
  const { target } = ctx;
  const gain = (c: Choice, units: number) => {
    if (units === 0) return 0;
    const x = sharesForUnits(c.prep, units);
    const q = c.prep.pricer.quote(x);
    const net = q.gross - computeSellFees(q.gross, pp.fees).total;
    return net + c.prep.valueAfter(x) - c.prep.value0 - target * (c.prep.marginAfter(x) - c.prep.margin0);
  };
  let value0 = 0;
  let margin0 = 0;
  for (const p of ctx.preps) {
    value0 += p.value0;
    margin0 += p.margin0;
  }
  let f = input.cash + value0 - input.debt - target * margin0;
  // Below this, the sign of F is float noise: the pure model decides.
  const noise = 1e-9 * (Math.abs(input.cash) + value0 + input.debt + target * margin0 + 1);

  const chosen: Choice[] = [];
  let reachable =
    margin0 > 0 && Math.abs(f) > noise ? f >= 0 : meetsTarget(evaluateChoices(ctx, chosen).result, target);
  if (reachable) return finishPlan(ctx, evaluateChoices(ctx, chosen), true);

  const deferred: Choice[] = [];
  let last: { choice: Choice; fBefore: number } | null = null;
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
      const choice = { ...c, units: hi };
      chosen.push(choice);
      last = { choice, fBefore: f };
      break;
    }
    // A sale that lowers F (slippage and fees above target * margin released) only helps if all else fails.
    if (gFull > 0) {
      chosen.push(c);
      f += gFull;
    } else deferred.push(c);
  }
  if (!last) {
    chosen.push(...deferred);
    return finishPlan(ctx, evaluateChoices(ctx, chosen), false);
  }
  let state = settleLastLeg(ctx, chosen, last.choice, (u) => last.fBefore + gain(last.choice, u), noise);
  reachable = meetsTarget(state.result, target);
  if (!reachable) {
    // Only float noise can get here (F said the whole last position reaches the target): sell all sellable.
    const rest = ctx.candidates.filter((c) => !chosen.some((k) => k.prep === c.prep));
    chosen.push(...rest);
    state = evaluateChoices(ctx, chosen);
    reachable = meetsTarget(state.result, target);
  }
  return finishPlan(ctx, state, reachable);
}

/**
 * Makes the pure model agree with the incremental decision on the last leg: the target is met, and one unit
 * less misses it. One unit less is re-evaluated only when its F is within float noise of 0.
 */
function settleLastLeg(
  ctx: PlanContext,
  chosen: Choice[],
  last: Choice,
  fWith: (units: number) => number,
  noise: number,
): ChoiceState {
  let state = evaluateChoices(ctx, chosen);
  let bumped = false;
  while (!meetsTarget(state.result, ctx.target) && last.units < last.prep.units) {
    last.units += 1;
    bumped = true;
    state = evaluateChoices(ctx, chosen);
  }
  while (!bumped && last.units > 1 && fWith(last.units - 1) >= -noise) {
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
