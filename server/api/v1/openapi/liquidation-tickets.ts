// OpenAPI path of GET /api/v1/liquidation/tickets (DESIGN 10), merged into /api/v1/openapi.json by ../openapi.ts.
import { TICKET_STATES, TICKET_URGENCIES } from "../../../liquidation/tickets/ticket-states";
import { MAX_API_TICKETS } from "../../../liquidation/ticket-queries";
import { authErrors, errorRef } from "./common";

const num = { type: "number" };
const nullableNum = { type: ["number", "null"] };
const time = { type: "string", format: "date-time" };

const ticket = {
  type: "object",
  required: [
    "id",
    "accountId",
    "status",
    "urgency",
    "createdAt",
    "deadline",
    "legs",
    "fills",
    "realizedSlippageBps",
    "shortfall",
  ],
  properties: {
    id: { type: "string" },
    accountId: { type: "string" },
    status: { enum: [...TICKET_STATES] },
    urgency: {
      enum: [...TICKET_URGENCIES],
      description: "HARD_FLOOR executes at once; CALL_EXPIRED: a margin call unmet at its deadline",
    },
    createdAt: time,
    deadline: { ...time, description: "End of the review window (engine clock); hard floor: the creation time" },
    legs: {
      type: "array",
      description: "Planned sales in selling order (cannot-close lines omitted)",
      items: {
        type: "object",
        required: ["symbol", "qty", "expectedPrice", "expectedSlippageBps"],
        properties: {
          symbol: { type: "string" },
          qty: { type: "integer", description: "shares, whole lots" },
          expectedPrice: { ...num, description: "CNY" },
          expectedSlippageBps: num,
          filledQty: { type: "integer" },
        },
      },
    },
    fills: {
      type: "array",
      items: {
        type: "object",
        required: ["symbol", "qty", "price", "ts"],
        properties: {
          symbol: { type: "string" },
          qty: { type: "integer" },
          price: { ...num, description: "CNY, volume-weighted" },
          ts: time,
          fees: { ...num, description: "CNY" },
        },
      },
    },
    realizedSlippageBps: {
      ...nullableNum,
      description: "Quantity-weighted, from the plan's mark; null before any fill",
    },
    expectedSlippageBps: nullableNum,
    shortfall: { ...num, description: "CNY of equity the plan could not restore (0 when the target is reached)" },
  },
};

export const liquidationTicketPaths: Record<string, unknown> = {
  "/liquidation/tickets": {
    get: {
      summary: "Liquidation tickets, newest first (RISK, COMPLIANCE, MANAGER, AUDITOR)",
      parameters: [
        { name: "status", in: "query", required: false, schema: { enum: [...TICKET_STATES] } },
        {
          name: "since",
          in: "query",
          required: false,
          schema: time,
          description: "Only tickets created at or after this instant (ISO-8601)",
        },
        {
          name: "limit",
          in: "query",
          required: false,
          schema: { type: "integer", minimum: 1, maximum: MAX_API_TICKETS, default: 200 },
        },
      ],
      responses: {
        "200": {
          description: "Tickets",
          content: { "application/json": { schema: { type: "array", items: ticket } } },
        },
        "400": { description: "Bad query (unknown status, bad timestamp, limit over the cap)", ...errorRef },
        ...authErrors,
      },
    },
  },
};
