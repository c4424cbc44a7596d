// DESIGN 10 POST /api/v1/surveillance/evaluate: the S2 rules and S3 clustering on supplied events,
// no writes. The body is parsed and validated inside the compute pool (JSON.parse and zod over
// 50,000 events take tens of milliseconds that the engine's thread should not lose), so this
// module is the worker task: text in, {clusters, hits} out, AppError BAD_REQUEST for bad input.
import { z, ZodError } from "zod";
import { AppError } from "../errors";
import { clusterAccounts, clusterIndex, RELATION_KINDS } from "./clusters";
import { runRules } from "./rules/rule-engine";
import { pairKey } from "./rules/wash";
import type { Evidence, OrderEvent, PaymentEvent } from "./rules/types";
import { parseJsonText } from "../api/parse-json-text";

/** Documented caps (a 400 names the one exceeded); the body cap is 8 MB for this route. */
export const EVALUATE_LIMITS = { bodyBytes: 8 * 1024 * 1024, events: 50_000, links: 20_000, payments: 20_000 };

const id = (what: string) =>
  z
    .string({ error: `${what} must be a string` })
    .min(1, `${what} must not be empty`)
    .max(64, `${what} must be at most 64 characters`);
const ts = z
  .number({ error: "ts must be a number (epoch ms)" })
  .int("ts must be an integer (epoch ms)")
  .min(0, "ts must be >= 0")
  .max(8.64e15, "ts is beyond the representable dates");
const positive = (what: string) =>
  z
    .number({ error: `${what} must be a finite number` })
    .positive(`${what} must be > 0`)
    .max(1e15);

const eventSchema = z.object({
  ts,
  account: id("account"),
  symbol: id("symbol"),
  type: z.enum(["NEW", "CANCEL", "TRADE"], { error: 'type must be "NEW", "CANCEL" or "TRADE"' }),
  side: z.enum(["BUY", "SELL"], { error: 'side must be "BUY" or "SELL"' }),
  orderId: id("orderId"),
  price: positive("price"),
  qty: positive("qty"),
  counterparty: id("counterparty").optional(),
  tradeId: id("tradeId").optional(),
});

const linkSchema = z.object({ a: id("a"), b: id("b"), kind: id("kind") });

const paymentSchema = z.object({
  id: id("id"),
  ts,
  account: id("account"),
  kind: z.enum(["DEPOSIT", "WITHDRAWAL"]),
  instrument: id("instrument"),
  amount: positive("amount"),
});

const count = (min: number, max: number) => z.number().int().min(min).max(max);
const paramsSchema = z
  .object({
    hfPerSecond: count(1, 1_000_000).default(300),
    hfPerDay: count(1, 100_000_000).default(20_000),
    cancelRatio: z.number().positive("cancelRatio must be > 0").max(1000).default(0.9),
    cancelRatioMinOrders: count(1, 100_000_000).default(50),
    zThreshold: z.number().positive().max(1000).optional(),
    zMinCount: count(1, 1_000_000).optional(),
    zBaselineMinutes: count(2, 100_000).optional(),
    washWindowMs: count(0, 3_600_000).optional(),
    washPriceTolBps: z.number().min(0).max(10_000).optional(),
    washQtyTol: z.number().min(0).max(1).optional(),
    spoofMinQty: positive("spoofMinQty").optional(),
    spoofCancelWithinMs: count(0, 3_600_000).optional(),
    spoofExecuteWithinMs: count(0, 3_600_000).optional(),
    spoofMinLayers: count(1, 1000).optional(),
    spoofMinAwayBps: z.number().min(0).max(10_000).optional(),
    pushMinMoveBps: z.number().positive().max(10_000).optional(),
    pushMinShare: z.number().gt(0).max(1).optional(),
    pushMinMinutes: count(1, 1440).optional(),
    pushWindowMinutes: count(1, 100_000).optional(),
    fundMinAccounts: count(2, 100_000).optional(),
    fundWindowMs: count(1, 400 * 86_400_000).optional(),
  })
  .strict();

export const evaluateBodySchema = z.object({
  events: z
    .array(eventSchema)
    .max(
      EVALUATE_LIMITS.events,
      `events: at most ${EVALUATE_LIMITS.events.toLocaleString("en-US")} per request; split the day into several requests`,
    ),
  links: z
    .array(linkSchema)
    .max(EVALUATE_LIMITS.links, `links: at most ${EVALUATE_LIMITS.links.toLocaleString("en-US")} per request`)
    .default([]),
  payments: z
    .array(paymentSchema)
    .max(EVALUATE_LIMITS.payments, `payments: at most ${EVALUATE_LIMITS.payments.toLocaleString("en-US")} per request`)
    .default([]),
  params: paramsSchema.default({ hfPerSecond: 300, hfPerDay: 20_000, cancelRatio: 0.9, cancelRatioMinOrders: 50 }),
});
export type EvaluateBody = z.infer<typeof evaluateBodySchema>;

export interface EvaluateHit {
  rule: string;
  accounts: string[];
  symbol?: string;
  day?: string;
  count: number;
  score?: number;
  evidence: Evidence;
}

export interface EvaluateResult {
  clusters: string[][];
  hits: EvaluateHit[];
}

/** Parses the raw body text: bad JSON, a "__proto__" key or a bad shape is an AppError BAD_REQUEST. */
export function parseEvaluateText(text: string): EvaluateBody {
  const raw = parseJsonText(text);
  try {
    return evaluateBodySchema.parse(raw);
  } catch (err) {
    if (err instanceof ZodError) {
      const first = err.issues.slice(0, 5);
      const msg = first.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
      throw new AppError("BAD_REQUEST", err.issues.length > 5 ? `${msg}; and ${err.issues.length - 5} more` : msg);
    }
    throw err;
  }
}

/** The rules on a validated body: clusters from all links; related-party pairs from the relation kinds. */
export function evaluateSurveillance(body: EvaluateBody): EvaluateResult {
  const clusters = clusterAccounts(body.links);
  const idx = clusterIndex(clusters);
  const relatedPairs = new Set(body.links.filter((l) => RELATION_KINDS.has(l.kind)).map((l) => pairKey(l.a, l.b)));
  const events: OrderEvent[] = body.events;
  const payments: PaymentEvent[] = body.payments;
  const hits = runRules(events, {
    payments,
    params: body.params,
    ctx: { groupOf: (a) => idx.get(a), relatedPairs },
  });
  return {
    clusters,
    hits: hits.map((h) => ({
      rule: h.rule,
      accounts: h.accounts,
      ...(h.symbol !== undefined ? { symbol: h.symbol } : {}),
      ...(h.day !== undefined ? { day: h.day } : {}),
      count: h.count,
      ...(h.score !== undefined ? { score: h.score } : {}),
      evidence: h.evidence,
    })),
  };
}

/** The compute-pool task: raw text to result. */
export function evaluateSurveillanceText(input: { text: string }): EvaluateResult {
  return evaluateSurveillance(parseEvaluateText(input.text));
}
