// v1 operation of funding (DESIGN F1): the order system asks before a buy on margin. The loan is lent
// or refused in one transaction: the client's restriction and credit limit, the symbol (tier) and
// sector concentration limits, the funding source (failover to its backup), the client's price.
import { z } from "zod";
import { defineOperation } from "../contract/operation";

const money = z
  .number()
  .finite()
  .min(0.01, "amount is at least 0.01 (one fen)")
  .max(1e10, "amount is at most 10,000,000,000");

export const lendingBody = z.strictObject({
  accountId: z.string().min(1, "accountId is empty").max(64, "accountId is at most 64 characters"),
  symbol: z.string().min(1, "symbol is empty").max(20, "symbol is at most 20 characters"),
  amount: money.meta({ description: "CNY to lend, rounded to the fen" }),
  termDays: z.number().int().min(1, "termDays is at least 1").max(3650, "termDays is at most 3650"),
});

const refusal = z.object({
  limit: z.enum(["CLIENT_CREDIT", "SYMBOL", "SECTOR"]),
  key: z.string(),
  max: z.number(),
  after: z.number(),
});

export const lendingOperation = defineOperation({
  method: "post",
  path: "/lending",
  operationId: "requestLending",
  tags: ["funding"],
  summary: "New lending for a buy on margin (F1): lent or refused, with the reason; RISK, MANAGER with the write scope",
  description:
    "Called by the order system before it places a buy on margin. Refused (ok false, nothing lent, audited) when the account's buys " +
    "are restricted or it is frozen, when the client's credit limit or a symbol (or its liquidity tier's) or sector concentration " +
    "limit would be exceeded by even one fen, or when no funding source can fund it; otherwise lent from the preferred source or, " +
    "when that is down or its cost spiked, its backup (failoverFrom names it), at the client's price.",
  auth: { permission: "funding.lend", writes: true },
  body: lendingBody,
  responses: {
    200: {
      description: "The decision",
      schema: z.object({
        ok: z.boolean(),
        loanId: z.string().nullable(),
        sourceCode: z.string().nullable(),
        failoverFrom: z.string().nullable(),
        rate: z.number().nullable().meta({ description: "the client's annual rate, a fraction" }),
        refusals: z.array(refusal),
        noSource: z.boolean(),
        restricted: z.enum(["RESTRICT_BUYS", "FROZEN"]).nullable(),
      }),
    },
  },
  errors: { 404: "No account or symbol with this id" },
});

export const fundingOperations = [lendingOperation];
