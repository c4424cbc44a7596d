// Default planner, fee and window parameters (R5-R7) and their zod schema. They are versioned as the
// optional `liquidation` section of the risk parameters; a stored version without it (or with only some
// fields) gets these defaults, so every older version keeps working.
import { z } from "zod";
import type { RiskParams } from "../../risk/margin/risk-params";
import { DEFAULT_MARK_GUARD_PARAMS } from "../mark-guard";
import type { PlannerParams } from "./types";

export const DEFAULT_PLANNER_PARAMS: PlannerParams = {
  weights: { illiquidity: 0.3, slippage: 0.3, unhedged: 0.3, feeContribution: 0.1 },
  illiquidShareOfAdv: 0.1,
  slippageRefBps: 200,
  // Y ~ 1 is the conservative end of the published square-root law fits (Toth et al. 2011: Y of order 1);
  // 240 trading minutes per A-share day; slippage never above the 10% main-board price limit.
  impact: { y: 1, minutesPerDay: 240, maxSlippage: 0.1 },
  fees: { commissionRate: 0.00025, commissionMin: 5, stampDutyRate: 0.0005, transferFeeRate: 0.00001 },
  // One more limit-down day for shares that cannot leave today; a suspension is open-ended, so more.
  cannotCloseHaircut: { SUSPENDED: 0.3, LIMIT_DOWN: 0.1, T_PLUS_ONE: 0.1, NO_BID: 0.1 },
  reviewWindowSeconds: 45,
  hold: { cumulativeCapSeconds: 300, maxRenewals: 5 },
  maxShareOfMinuteVolume: 0.25,
  defaultLotSize: 100,
};

const d = DEFAULT_PLANNER_PARAMS;
const nonNeg = z.number().finite().min(0);
const fraction = z.number().finite().min(0).max(1);

export const plannerParamsSchema = z.object({
  weights: z
    .object({
      illiquidity: nonNeg.default(d.weights.illiquidity),
      slippage: nonNeg.default(d.weights.slippage),
      unhedged: nonNeg.default(d.weights.unhedged),
      feeContribution: nonNeg.default(d.weights.feeContribution),
    })
    .default(d.weights),
  illiquidShareOfAdv: z.number().finite().positive().default(d.illiquidShareOfAdv),
  slippageRefBps: z.number().finite().positive().default(d.slippageRefBps),
  impact: z
    .object({
      y: nonNeg.default(d.impact.y),
      minutesPerDay: z.number().int().min(1).max(1440).default(d.impact.minutesPerDay),
      maxSlippage: fraction.default(d.impact.maxSlippage),
    })
    .default(d.impact),
  fees: z
    .object({
      commissionRate: z.number().finite().min(0).max(0.01).default(d.fees.commissionRate),
      commissionMin: z.number().finite().min(0).max(1000).default(d.fees.commissionMin),
      stampDutyRate: z.number().finite().min(0).max(0.01).default(d.fees.stampDutyRate),
      transferFeeRate: z.number().finite().min(0).max(0.01).default(d.fees.transferFeeRate),
    })
    .default(d.fees),
  cannotCloseHaircut: z
    .object({
      SUSPENDED: fraction.default(d.cannotCloseHaircut.SUSPENDED),
      LIMIT_DOWN: fraction.default(d.cannotCloseHaircut.LIMIT_DOWN),
      T_PLUS_ONE: fraction.default(d.cannotCloseHaircut.T_PLUS_ONE),
      NO_BID: fraction.default(d.cannotCloseHaircut.NO_BID),
    })
    .default(d.cannotCloseHaircut),
  reviewWindowSeconds: z.number().int().min(0).max(3600).default(d.reviewWindowSeconds),
  hold: z
    .object({
      cumulativeCapSeconds: z.number().int().min(0).max(86_400).default(d.hold.cumulativeCapSeconds),
      maxRenewals: z.number().int().min(0).max(1000).default(d.hold.maxRenewals),
    })
    .default(d.hold),
  maxShareOfMinuteVolume: z.number().finite().gt(0).max(1).default(d.maxShareOfMinuteVolume),
  defaultLotSize: z.number().int().min(1).max(1_000_000).default(d.defaultLotSize),
  markGuard: z
    .object({
      divergenceBand: z.number().finite().gt(0).max(0.5).default(DEFAULT_MARK_GUARD_PARAMS.divergenceBand),
      minPrints: z.number().int().min(1).max(100).default(DEFAULT_MARK_GUARD_PARAMS.minPrints),
    })
    .optional(),
});

/**
 * The planner parameters of a risk parameter version. Stored versions pass riskParamsSchema, which fills a
 * partial section from the defaults; a version without the section gets the defaults.
 */
export function resolvePlannerParams(params: Pick<RiskParams, "liquidation">): PlannerParams {
  return params.liquidation ?? DEFAULT_PLANNER_PARAMS;
}
