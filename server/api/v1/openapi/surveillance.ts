// OpenAPI path of POST /surveillance/evaluate (DESIGN 10), merged by ../openapi.ts.
import { authErrors, computeErrors } from "./common";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const str = { type: "string", minLength: 1, maxLength: 64 };
const idList = { type: "array", items: { type: "string" } };

export const surveillancePaths: Record<string, unknown> = {
  "/surveillance/evaluate": {
    post: {
      summary: "S2 rules and S3 clustering on supplied events (COMPLIANCE, AUDITOR; no writes)",
      description:
        "Days are Asia/Shanghai calendar days. `clusters`: connected components of `links` with at least two accounts, each sorted, listed by their first account. Hits: HIGH_FREQUENCY_SECOND (once per account and day, NEW+CANCEL with ts in some [t, t+1000) reach hfPerSecond; count the largest), HIGH_FREQUENCY_DAY (the day's NEW+CANCEL reach hfPerDay), CANCEL_RATIO (at least cancelRatioMinOrders NEW and CANCEL/NEW >= cancelRatio), WASH_TRADE (once per symbol and group: TRADEs whose account and counterparty are the same account or in one cluster; the two sides of one trade, same ts, symbol, price, qty and pair, count once). Further rules with their own names: WASH_TRADE_MATCHED, RELATED_PARTY_TRADE (links of kind RELATED, FAMILY, EMPLOYEE or SHAREHOLDER), SPOOFING, PRICE_PUSH, ORDER_RATE_ZSCORE, FUND_SHARED_SOURCE, FUND_COMMON_BENEFICIARY (from `payments`). Evidence lists keep the first 100 ids of each kind (`truncated` when more). Caps: body 8 MB, 50,000 events, 20,000 links, 20,000 payments (a 400 names the cap). Parsed and evaluated in the compute pool (10 s limit).",
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["events"],
          properties: {
            events: {
              type: "array",
              maxItems: 50000,
              items: {
                type: "object",
                required: ["ts", "account", "symbol", "type", "side", "orderId", "price", "qty"],
                properties: {
                  ts: { type: "integer", minimum: 0, description: "epoch ms; events in any order" },
                  account: str,
                  symbol: str,
                  type: { enum: ["NEW", "CANCEL", "TRADE"] },
                  side: { enum: ["BUY", "SELL"] },
                  orderId: str,
                  price: { type: "number", exclusiveMinimum: 0 },
                  qty: { type: "number", exclusiveMinimum: 0 },
                  counterparty: { ...str, description: "TRADE: the other account" },
                  tradeId: str,
                },
              },
            },
            links: {
              type: "array",
              maxItems: 20000,
              items: {
                type: "object",
                required: ["a", "b", "kind"],
                properties: {
                  a: str,
                  b: str,
                  kind: { ...str, description: "DEVICE, IP, CARD, PHONE, ADDRESS, FUND_FLOW, RELATED, ..." },
                },
              },
            },
            payments: {
              type: "array",
              maxItems: 20000,
              items: {
                type: "object",
                required: ["id", "ts", "account", "kind", "instrument", "amount"],
                properties: {
                  id: str,
                  ts: { type: "integer", minimum: 0 },
                  account: str,
                  kind: { enum: ["DEPOSIT", "WITHDRAWAL"] },
                  instrument: { ...str, description: "the card a deposit came from, or a withdrawal's beneficiary" },
                  amount: { type: "number", exclusiveMinimum: 0 },
                },
              },
            },
            params: {
              type: "object",
              additionalProperties: false,
              properties: {
                hfPerSecond: { type: "integer", minimum: 1, default: 300 },
                hfPerDay: { type: "integer", minimum: 1, default: 20000 },
                cancelRatio: { type: "number", exclusiveMinimum: 0, default: 0.9 },
                cancelRatioMinOrders: { type: "integer", minimum: 1, default: 50 },
              },
              description: "Also accepted: the other rules' parameters (see server/surveillance/rules/types.ts).",
            },
          },
        }),
      },
      responses: {
        "200": {
          description: "Clusters and hits",
          ...json({
            type: "object",
            required: ["clusters", "hits"],
            properties: {
              clusters: { type: "array", items: idList },
              hits: {
                type: "array",
                items: {
                  type: "object",
                  required: ["rule", "accounts", "count", "evidence"],
                  properties: {
                    rule: { type: "string" },
                    accounts: idList,
                    symbol: { type: "string" },
                    day: { type: "string", format: "date" },
                    count: { type: "integer" },
                    score: { type: "number" },
                    evidence: {
                      type: "object",
                      properties: {
                        orders: idList,
                        trades: idList,
                        payments: idList,
                        truncated: { type: "boolean" },
                      },
                    },
                  },
                },
              },
            },
          }),
        },
        "400": {
          description: "Bad body or a cap exceeded (nothing is computed)",
          ...json({ $ref: "#/components/schemas/Error" }),
        },
        ...authErrors,
        ...computeErrors,
      },
    },
  },
};
