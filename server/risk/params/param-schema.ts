// zod shapes of a parameter set (R2) and of the evaluate body (DESIGN 10), shared by tRPC and the
// v1 API. Structural checks here; the cross-field rules (ascending tiers, line order, a sigmaRef
// for every class) are listParamProblems in ../margin/risk-params.ts, reported as one 400.
import { z } from "zod";
import { plannerParamsSchema } from "../../liquidation/planner/planner-params";
import { listParamProblems, type RiskParams } from "../margin/risk-params";

const rate = z.number().finite();
const key = z.string().min(1).max(32);
/** Free-form records (classes, tiers) are capped: a parameter set names a handful of each. */
export const MAX_PARAM_KEYS = 64;
const keyedRates = z
  .record(key, rate)
  .refine((r) => Object.keys(r).length <= MAX_PARAM_KEYS, `at most ${MAX_PARAM_KEYS} keys`)
  .meta({ maxProperties: MAX_PARAM_KEYS }); // the refinement, as the OpenAPI document states it

export const riskParamsSchema = z
  .object({
    base: keyedRates,
    liquidityMultiplier: keyedRates,
    sigmaRef: keyedRates,
    sizeTiers: z
      .array(z.tuple([rate.nullable(), rate]))
      .min(1)
      .max(20),
    imMultiplier: rate,
    lines: z.object({ warning: rate, liquidation: rate, hardFloor: rate, target: rate }),
    fundingAddOn: z.object({ bpsPerVolUnit: rate.min(0), capBps: rate.min(0) }).optional(),
    marginCallMinutes: z
      .number()
      .int()
      .min(1)
      .max(7 * 24 * 60)
      .optional(),
    liquidation: plannerParamsSchema.optional(),
  })
  .superRefine((p, ctx) => {
    for (const message of listParamProblems(p as RiskParams)) ctx.addIssue({ code: "custom", message });
  });

export const positionInputSchema = z.object({
  symbol: z.string().min(1).max(32),
  qty: z.number().finite().min(0, "quantity must be zero or more"),
  price: z.number().finite().min(0, "price must be zero or more"),
  assetClass: key.meta({
    description: "An own key of params.base (of the live parameters when the body has no params)",
    examples: ["MAIN_BOARD", "GROWTH"],
  }),
  liquidityTier: key.meta({
    description: "An own key of params.liquidityMultiplier (of the live parameters when the body has no params)",
    examples: ["T1", "T2", "T3"],
  }),
  sigma: z.number().finite().min(0, "sigma must be zero or more"),
  adv: z.number().finite().min(0, "adv must be zero or more"),
});

export const evaluateBodySchema = z.object({
  cash: z.number().finite().min(0, "cash must be zero or more"),
  debt: z.number().finite().min(0, "debt must be zero or more"),
  positions: z.array(positionInputSchema).max(5000),
  params: riskParamsSchema.optional(),
});

/** Reads a stored parameter set (JSON column) back; stored sets were validated when proposed. */
export function parseStoredParams(json: unknown): RiskParams {
  return riskParamsSchema.parse(json) as RiskParams;
}
