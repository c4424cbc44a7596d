// OpenAPI path of POST /api/v1/capital/euler (DESIGN 10), merged by ../openapi.ts.
import { EULER_MAX_CELLS, EULER_MAX_SCENARIOS, EULER_MAX_UNITS } from "../../../capital/euler-api";
import { authErrors, computeErrors, errorRef } from "./common";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const numbers = { type: "array", items: { type: "number" } };

export const capitalPaths: Record<string, unknown> = {
  "/capital/euler": {
    post: {
      summary: "Expected shortfall and its Euler allocation (C1); RISK, MANAGER, AUDITOR; no writes",
      description:
        "Rows of `losses` are scenarios, columns units (accounts or products); a loss is positive. The portfolio loss L_s is the row sum; " +
        "the tail is the k = max(1, ceil(n (1 - alpha))) scenarios with the largest L (ties: lower index first). " +
        "var is the smallest L in the tail, es the mean L over the tail, contributions[j] column j's mean over the tail (they sum to es), " +
        `tail the scenario indices ascending. Caps: ${EULER_MAX_SCENARIOS.toLocaleString("en-US")} scenarios, ${EULER_MAX_UNITS.toLocaleString("en-US")} units, ` +
        `${EULER_MAX_CELLS.toLocaleString("en-US")} cells, and the 1 MB body cap. Runs in the compute pool with a 10 s time limit.`,
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["losses", "alpha"],
          properties: {
            losses: {
              type: "array",
              minItems: 1,
              maxItems: EULER_MAX_SCENARIOS,
              items: { ...numbers, minItems: 1, maxItems: EULER_MAX_UNITS },
              description: "scenarios x units, every row the same length, CNY",
            },
            alpha: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1, example: 0.975 },
          },
        }),
      },
      responses: {
        "200": {
          description: "VaR, ES, per-unit contributions and the tail",
          ...json({
            type: "object",
            required: ["var", "es", "contributions", "tail"],
            properties: {
              var: { type: "number" },
              es: { type: "number" },
              contributions: numbers,
              tail: { type: "array", items: { type: "integer" } },
            },
          }),
        },
        "400": { description: "Bad matrix, alpha outside (0, 1), or over a cap (the message names it)", ...errorRef },
        ...authErrors,
        ...computeErrors,
      },
    },
  },
};
