// The planner section of the versioned risk parameters: optional, filled from the defaults, validated.
import { describe, expect, it } from "vitest";
import { DEFAULT_RISK_PARAMS } from "../../risk/margin/risk-params";
import { parseStoredParams, riskParamsSchema } from "../../risk/params/param-schema";
import { DEFAULT_PLANNER_PARAMS, resolvePlannerParams } from "./planner-params";

describe("liquidation parameters inside the risk parameters", () => {
  it("a stored version without the section (every version before it existed) gets the defaults", () => {
    const stored = JSON.parse(JSON.stringify(DEFAULT_RISK_PARAMS)) as unknown;
    const params = parseStoredParams(stored);
    expect(params.liquidation).toBeUndefined();
    expect(resolvePlannerParams(params)).toEqual(DEFAULT_PLANNER_PARAMS);
    expect(resolvePlannerParams(params).reviewWindowSeconds).toBe(45);
    expect(resolvePlannerParams(params).fees.stampDutyRate).toBe(0.0005);
  });

  it("a partial section is completed from the defaults", () => {
    const params = parseStoredParams({
      ...DEFAULT_RISK_PARAMS,
      liquidation: { weights: { unhedged: 0.9 }, reviewWindowSeconds: 30 },
    });
    const pp = resolvePlannerParams(params);
    expect(pp.weights).toEqual({ ...DEFAULT_PLANNER_PARAMS.weights, unhedged: 0.9 });
    expect(pp.reviewWindowSeconds).toBe(30);
    expect(pp.fees).toEqual(DEFAULT_PLANNER_PARAMS.fees);
    expect(pp.hold).toEqual(DEFAULT_PLANNER_PARAMS.hold);
  });

  it.each([
    ["a negative weight", { weights: { slippage: -1 } }],
    ["a haircut above 100%", { cannotCloseHaircut: { SUSPENDED: 1.5 } }],
    ["a minute-volume share of 0", { maxShareOfMinuteVolume: 0 }],
    ["a fractional review window", { reviewWindowSeconds: 4.5 }],
    ["a stamp duty of 5%", { fees: { stampDutyRate: 0.05 } }],
  ])("refuses %s", (_, liquidation) => {
    expect(riskParamsSchema.safeParse({ ...DEFAULT_RISK_PARAMS, liquidation }).success).toBe(false);
  });
});
