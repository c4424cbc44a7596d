// v1 operations of the margin model (DESIGN 10, R1-R3): the calculator on supplied inputs and one
// account's live figures.
import { z } from "zod";
import { evaluateBodySchema } from "../../../risk/params/param-schema";
import { defineOperation } from "../contract/operation";
import { isoInstant, riskFigures, riskPositionOut } from "./shared";

export const evaluateRiskOperation = defineOperation({
  method: "post",
  path: "/risk/evaluate",
  operationId: "evaluateRisk",
  tags: ["risk"],
  summary: "Evaluate the margin model (R1-R3) on supplied inputs (any role, no writes)",
  description:
    "Rules the schema cannot state, each a 400: every position's assetClass is a key of params.base and its liquidityTier a key of " +
    "params.liquidityMultiplier (of the live parameters when params is absent); supplied params must have ascending sizeTiers, " +
    "hardFloor < liquidation < warning < target, rates in (0, 1] and a sigmaRef for every class; figures that overflow are refused.",
  auth: { permission: "any" },
  body: evaluateBodySchema,
  compute: true,
  responses: {
    200: {
      description: "marginLevel is null when no margin is required; coverageRatio is null when debt is 0",
      schema: z.object({
        ...riskFigures,
        fundingAddOnBps: z.number().optional(),
        parameterVersion: z
          .number()
          .int()
          .nullable()
          .meta({ description: "The live version used; null when the body supplied params" }),
        positions: z.array(riskPositionOut),
      }),
    },
  },
});

export const accountRiskOperation = defineOperation({
  method: "get",
  path: "/accounts/{id}/risk",
  operationId: "getAccountRisk",
  tags: ["risk"],
  summary: "An account's live risk figures, status, parameter version and as-of bar",
  auth: { permission: "risk.view" },
  params: z.object({
    id: z
      .string()
      .min(1, "the account id is empty")
      .max(64, "the account id is at most 64 characters")
      .meta({ description: "The account id" }),
  }),
  responses: {
    200: {
      description: "Figures at the last bar close",
      schema: z.object({
        accountId: z.string(),
        accountCode: z.string(),
        cash: z.number(),
        debt: z.number(),
        ...riskFigures,
        parameterVersion: z.number().int(),
        asOfBar: isoInstant.meta({ description: "Start of the one-minute bar last closed" }),
        asOf: isoInstant,
        positions: z.array(riskPositionOut),
      }),
    },
  },
  errors: { 404: "No such account" },
});

export const riskOperations = [evaluateRiskOperation, accountRiskOperation];
