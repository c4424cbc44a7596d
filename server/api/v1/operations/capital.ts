// v1 operation of capital (DESIGN 10, C1): expected shortfall and its Euler allocation on supplied
// loss scenarios. The route reads the body itself and parses it in the compute pool (the largest
// allowed matrix never holds the server's thread), with this same schema.
import { z } from "zod";
import { EULER_MAX_CELLS, EULER_MAX_SCENARIOS, EULER_MAX_UNITS, eulerBody } from "../../../capital/euler-api";
import { defineOperation } from "../contract/operation";

const n = (v: number) => v.toLocaleString("en-US");

export const capitalEulerOperation = defineOperation({
  method: "post",
  path: "/capital/euler",
  operationId: "allocateExpectedShortfall",
  tags: ["capital"],
  summary: "Expected shortfall and its Euler allocation (C1); RISK, MANAGER, AUDITOR; no writes",
  description:
    "Rows of `losses` are scenarios, columns units (accounts or products); a loss is positive. The portfolio loss L_s is the row sum; " +
    "the tail is the k = max(1, ceil(n (1 - alpha))) scenarios with the largest L (ties: lower index first). " +
    "var is the smallest L in the tail, es the mean L over the tail, contributions[j] column j's mean over the tail (they sum to es), " +
    `tail the scenario indices ascending. Caps, each a 400 that names it: ${n(EULER_MAX_SCENARIOS)} scenarios, ${n(EULER_MAX_UNITS)} units, ` +
    `${n(EULER_MAX_CELLS)} cells, every row the same length; and the 1 MB body cap.`,
  auth: { permission: "capital.view" },
  body: eulerBody,
  compute: true,
  responses: {
    200: {
      description: "VaR, ES, per-unit contributions and the tail",
      schema: z.object({
        var: z.number(),
        es: z.number(),
        contributions: z.array(z.number()).meta({ description: "per unit, in column order; they sum to es" }),
        tail: z.array(z.number().int()).meta({ description: "scenario indices in the tail, ascending" }),
      }),
    },
  },
});

export const capitalOperations = [capitalEulerOperation];
