// OpenAPI path of POST /api/v1/liquidation/plan (DESIGN 10). The request body is generated from the zod
// schema that validates it; the response is written out here.
import { z } from "zod";
import { planBodySchema } from "../../../liquidation/planner/plan-body";
import { authErrors } from "./common";

const json = (schema: unknown) => ({ "application/json": { schema } });
const num = { type: "number" };
const status = { enum: ["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"] };
const reason = { enum: ["SUSPENDED", "LIMIT_DOWN", "T_PLUS_ONE", "NO_BID"] };

const bodySchema = Object.fromEntries(
  Object.entries(z.toJSONSchema(planBodySchema, { io: "input", unrepresentable: "any" })).filter(
    ([k]) => k !== "$schema",
  ),
);

const figures = {
  type: "object",
  required: ["equity", "maintenanceMargin", "marginLevel", "status"],
  properties: {
    cash: num,
    debt: num,
    marketValue: num,
    equity: num,
    maintenanceMargin: num,
    marginLevel: { type: ["number", "null"], description: "null when no margin is required" },
    status,
  },
};

const leg = {
  type: "object",
  required: ["symbol", "qty", "avgPrice", "slippageBps"],
  properties: {
    symbol: { type: "string" },
    qty: { ...num, description: "Shares: whole lots, or the whole sellable quantity when it has an odd remainder" },
    avgPrice: { ...num, description: "Expected volume-weighted fill price (CNY)" },
    slippageBps: { ...num, description: "(price - avgPrice) / price in basis points" },
    grossProceeds: num,
    fees: { type: "object", properties: { commission: num, stampDuty: num, transferFee: num, total: num } },
    netProceeds: { ...num, description: "grossProceeds - fees; repays debt first, any excess becomes cash" },
    priceSource: { enum: ["BOOK", "IMPACT_MODEL"] },
  },
};

export const liquidationPlanPaths: Record<string, unknown> = {
  "/liquidation/plan": {
    post: {
      summary: "Plan a partial liquidation (R5) on supplied inputs (any role, no writes)",
      description:
        "Sells positions in priority order (illiquid, high expected slippage and unhedged first; hedged and high fee-contribution last) " +
        "until the projected margin level reaches the restore target (lines.target, 1.5 by default), the last leg by the fewest lots that do. " +
        "Suspended, limit-down, bid-less and T+1 shares are cannot-close: skipped and valued at a haircut in the projection. " +
        "When selling everything sellable is not enough, every sellable share is sold and `shortfall` is the equity (CNY) still missing: " +
        "max(0, target x projected maintenanceMargin - projected equity); with nothing margined left it is the negative equity the loss waterfall absorbs. " +
        "Caps: 2000 positions, 50 bid levels per book, 20000 bid levels in all.",
      requestBody: { required: true, content: json(bodySchema) },
      responses: {
        "200": {
          description: "The plan",
          content: json({
            type: "object",
            required: ["legs", "projected", "shortfall", "cannotClose"],
            properties: {
              legs: { type: "array", items: leg, description: "In selling order" },
              projected: figures,
              shortfall: { ...num, description: "CNY; 0 when the target is reached" },
              cannotClose: {
                type: "array",
                items: { type: "string" },
                description: "Symbols with shares that cannot be sold now",
              },
              cannotCloseDetails: {
                type: "array",
                items: {
                  type: "object",
                  properties: { symbol: { type: "string" }, qty: num, reason, haircut: num, haircutValue: num },
                },
              },
              reachable: { type: "boolean" },
              target: num,
              before: figures,
              repaidDebt: num,
              totalFees: num,
              parameterVersion: {
                type: ["integer", "null"],
                description: "The live version used; null when the body supplied params",
              },
            },
          }),
        },
        "400": { description: "Bad input (nothing changes)", content: json({ $ref: "#/components/schemas/Error" }) },
        ...authErrors,
      },
    },
  },
};
