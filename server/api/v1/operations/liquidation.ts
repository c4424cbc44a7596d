// v1 operations of the liquidation desk (DESIGN 10, R5): the planner on supplied inputs and the
// ticket list.
import { z } from "zod";
import { planBodySchema } from "../../../liquidation/planner/plan-body";
import { ticketsQuery } from "../../../liquidation/ticket-queries";
import { TICKET_STATES, TICKET_URGENCIES } from "../../../liquidation/tickets/ticket-states";
import { defineOperation } from "../contract/operation";
import { isoInstant, riskStatus } from "./shared";

const planFigures = z.object({
  cash: z.number().optional(),
  debt: z.number().optional(),
  marketValue: z.number().optional(),
  equity: z.number(),
  maintenanceMargin: z.number(),
  marginLevel: z.number().nullable().meta({ description: "null when no margin is required" }),
  status: riskStatus,
});

const cannotCloseReason = z.enum(["SUSPENDED", "LIMIT_DOWN", "T_PLUS_ONE", "NO_BID"]);

const planLeg = z.object({
  symbol: z.string(),
  qty: z
    .number()
    .meta({ description: "Shares: whole lots, or the whole sellable quantity when it has an odd remainder" }),
  avgPrice: z.number().meta({ description: "Expected volume-weighted fill price (CNY)" }),
  slippageBps: z.number().meta({ description: "(price - avgPrice) / price in basis points" }),
  grossProceeds: z.number(),
  fees: z.object({ commission: z.number(), stampDuty: z.number(), transferFee: z.number(), total: z.number() }),
  netProceeds: z.number().meta({ description: "grossProceeds - fees; repays debt first, any excess becomes cash" }),
  priceSource: z.enum(["BOOK", "IMPACT_MODEL"]),
});

export const planLiquidationOperation = defineOperation({
  method: "post",
  path: "/liquidation/plan",
  operationId: "planLiquidation",
  tags: ["liquidation"],
  summary: "Plan a partial liquidation (R5) on supplied inputs (any role, no writes)",
  description:
    "Sells positions in priority order (illiquid, high expected slippage and unhedged first; hedged and high fee-contribution last) " +
    "until the projected margin level reaches the restore target (lines.target, 1.5 by default), the last leg by the fewest lots that do. " +
    "Suspended, limit-down, bid-less and T+1 shares are cannot-close: skipped and valued at a haircut in the projection. " +
    "When selling everything sellable is not enough, every sellable share is sold and `shortfall` is the equity (CNY) still missing: " +
    "max(0, target x projected maintenanceMargin - projected equity); with nothing margined left it is the negative equity the loss waterfall absorbs.\n\n" +
    "Rules the schema cannot state, each a 400: one position per symbol; sellableQty <= qty; bids best (highest price) first; at most 20,000 bid levels in all; " +
    "the asset class, tier and params rules of POST /risk/evaluate.",
  auth: { permission: "any" },
  body: planBodySchema,
  responses: {
    200: {
      description: "The plan",
      schema: z.object({
        legs: z.array(planLeg).meta({ description: "In selling order" }),
        projected: planFigures,
        shortfall: z.number().meta({ description: "CNY; 0 when the target is reached" }),
        cannotClose: z.array(z.string()).meta({ description: "Symbols with shares that cannot be sold now" }),
        cannotCloseDetails: z.array(
          z.object({
            symbol: z.string(),
            qty: z.number(),
            reason: cannotCloseReason,
            haircut: z.number(),
            haircutValue: z.number(),
          }),
        ),
        reachable: z.boolean(),
        target: z.number(),
        before: planFigures,
        repaidDebt: z.number(),
        totalFees: z.number(),
        parameterVersion: z
          .number()
          .int()
          .nullable()
          .meta({ description: "The live version used; null when the body supplied params" }),
      }),
    },
  },
});

const ticket = z.object({
  id: z.string(),
  accountId: z.string(),
  status: z.enum(TICKET_STATES),
  urgency: z.enum(TICKET_URGENCIES).meta({
    description: "HARD_FLOOR executes at once; CALL_EXPIRED: a margin call unmet at its deadline",
  }),
  createdAt: isoInstant,
  deadline: isoInstant.meta({
    description: "End of the review window (engine clock); hard floor: the creation time",
  }),
  legs: z
    .array(
      z.object({
        symbol: z.string(),
        qty: z.number().int().meta({ description: "shares, whole lots" }),
        expectedPrice: z.number().meta({ description: "CNY" }),
        expectedSlippageBps: z.number(),
        filledQty: z.number().int().optional(),
      }),
    )
    .meta({ description: "Planned sales in selling order (cannot-close lines omitted)" }),
  fills: z.array(
    z.object({
      symbol: z.string(),
      qty: z.number().int(),
      price: z.number().meta({ description: "CNY, volume-weighted" }),
      ts: isoInstant,
      fees: z.number().optional().meta({ description: "CNY" }),
    }),
  ),
  realizedSlippageBps: z
    .number()
    .nullable()
    .meta({ description: "Quantity-weighted, from the plan's mark; null before any fill" }),
  expectedSlippageBps: z.number().nullable().optional(),
  shortfall: z
    .number()
    .meta({ description: "CNY of equity the plan could not restore (0 when the target is reached)" }),
});

export const listTicketsOperation = defineOperation({
  method: "get",
  path: "/liquidation/tickets",
  operationId: "listLiquidationTickets",
  tags: ["liquidation"],
  summary: "Liquidation tickets, newest first",
  auth: { permission: "liquidation.view" },
  query: ticketsQuery,
  responses: { 200: { description: "Tickets", schema: z.array(ticket) } },
});

export const liquidationOperations = [planLiquidationOperation, listTicketsOperation];
