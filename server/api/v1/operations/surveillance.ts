// v1 operation of surveillance (DESIGN 10, S2-S3): the rules and clustering on supplied events. The
// route reads the body itself (8 MB cap) and parses it in the compute pool with this same schema.
import { z } from "zod";
import { EVALUATE_LIMITS, evaluateBodySchema } from "../../../surveillance/evaluate-api";
import { defineOperation } from "../contract/operation";

const ids = z.array(z.string());
const n = (v: number) => v.toLocaleString("en-US");

export const surveillanceEvaluateOperation = defineOperation({
  method: "post",
  path: "/surveillance/evaluate",
  operationId: "evaluateSurveillance",
  tags: ["surveillance"],
  summary: "S2 rules and S3 clustering on supplied events (COMPLIANCE, AUDITOR; no writes)",
  description:
    "Days are Asia/Shanghai calendar days. `clusters`: connected components of `links` with at least two accounts, each sorted, listed by their first account. " +
    "Hits: HIGH_FREQUENCY_SECOND (once per account and day, NEW+CANCEL with ts in some [t, t+1000) reach hfPerSecond; count the largest), " +
    "HIGH_FREQUENCY_DAY (the day's NEW+CANCEL reach hfPerDay), CANCEL_RATIO (at least cancelRatioMinOrders NEW and CANCEL/NEW >= cancelRatio), " +
    "WASH_TRADE (once per symbol and group: TRADEs whose account and counterparty are the same account or in one cluster; the two sides of one trade count once). " +
    "Further rules: WASH_TRADE_MATCHED, RELATED_PARTY_TRADE (links of kind RELATED, FAMILY, EMPLOYEE or SHAREHOLDER), SPOOFING, PRICE_PUSH, ORDER_RATE_ZSCORE, " +
    "FUND_SHARED_SOURCE, FUND_COMMON_BENEFICIARY (from `payments`). Evidence lists keep the first 100 ids of each kind (`truncated` when more). " +
    `Caps, each a 400 that names it: body 8 MB, ${n(EVALUATE_LIMITS.events)} events, ${n(EVALUATE_LIMITS.links)} links, ${n(EVALUATE_LIMITS.payments)} payments. ` +
    "Parsed and evaluated in the compute pool.",
  auth: { permission: "surveillance.view" },
  body: evaluateBodySchema,
  maxBodyBytes: EVALUATE_LIMITS.bodyBytes,
  compute: true,
  responses: {
    200: {
      description: "Clusters and hits",
      schema: z.object({
        clusters: z.array(ids),
        hits: z.array(
          z.object({
            rule: z.string(),
            accounts: ids,
            symbol: z.string().optional(),
            day: z.string().optional().meta({ description: "YYYY-MM-DD, Asia/Shanghai" }),
            count: z.number().int(),
            score: z.number().optional(),
            evidence: z.object({
              orders: ids,
              trades: ids,
              payments: ids,
              truncated: z.boolean().optional(),
            }),
          }),
        ),
      }),
    },
  },
});

export const surveillanceOperations = [surveillanceEvaluateOperation];
