// zod shape of the POST /api/v1/liquidation/plan body (DESIGN 10): the evaluate body with, per position,
// sellableQty, hedged, feeContribution, the bid side of the book (best first) and lotSize (default 100).
// Caps keep one request's work bounded; every cap names itself in its 400 message.
import { z } from "zod";
import { positionInputSchema, riskParamsSchema } from "../../risk/params/param-schema";
import { plannerParamsSchema } from "./planner-params";

export const PLAN_CAPS = { positions: 2000, levelsPerBook: 50, totalLevels: 20_000 } as const;

const level = z.tuple([
  z.number().finite().positive("a bid price must be positive"),
  z.number().finite().positive("a bid quantity must be positive"),
]);

export const planPositionSchema = positionInputSchema.extend({
  sellableQty: z
    .number()
    .finite()
    .min(0, "sellableQty must be zero or more")
    .optional()
    .describe("Shares that may be sold now (default qty); the rest were bought today (T+1) and are cannot-close"),
  hedged: z
    .union([z.boolean(), z.number().finite().min(0).max(1)])
    .default(false)
    .describe("true / false, or a hedge ratio 0..1; well-hedged positions are sold last"),
  feeContribution: z
    .number()
    .finite()
    .min(0, "feeContribution must be zero or more")
    .default(0)
    .describe("Fees the position earns the platform (CNY); high contributors are sold last"),
  book: z
    .object({
      bids: z.array(level).max(PLAN_CAPS.levelsPerBook, `at most ${PLAN_CAPS.levelsPerBook} bid levels per book`),
    })
    .refine(
      (b) => b.bids.every((l, i) => i === 0 || l[0] <= (b.bids[i - 1]?.[0] ?? Infinity)),
      "book bids must be best (highest price) first",
    )
    .optional()
    .describe(
      "Bid side [[price, qty], ...] best first; absent: the square-root impact model; empty: NO_BID (cannot close)",
    ),
  lotSize: z.number().int("lotSize must be a whole number of shares").min(1).max(1_000_000).optional(),
  suspended: z.boolean().optional().describe("Suspended: cannot close (SUSPENDED)"),
  limitDown: z.boolean().optional().describe("At its limit-down price: cannot close (LIMIT_DOWN)"),
});

export const planBodySchema = z
  .object({
    cash: z.number().finite().min(0, "cash must be zero or more"),
    debt: z.number().finite().min(0, "debt must be zero or more"),
    positions: z
      .array(planPositionSchema)
      .max(PLAN_CAPS.positions, `at most ${PLAN_CAPS.positions} positions per plan`),
    lotSize: z
      .number()
      .int("lotSize must be a whole number of shares")
      .min(1)
      .max(1_000_000)
      .default(100)
      .describe("Shares per lot for positions without their own lotSize"),
    params: riskParamsSchema.optional(),
    plannerParams: plannerParamsSchema
      .optional()
      .describe("Planner weights, fees and haircuts; default: the parameter version's liquidation section"),
  })
  .superRefine((b, ctx) => {
    const seen = new Set<string>();
    let levels = 0;
    b.positions.forEach((p, i) => {
      if (seen.has(p.symbol))
        ctx.addIssue({
          code: "custom",
          path: ["positions", i, "symbol"],
          message: `${p.symbol} appears twice; give one position per symbol`,
        });
      seen.add(p.symbol);
      if (p.sellableQty !== undefined && p.sellableQty > p.qty) {
        ctx.addIssue({
          code: "custom",
          path: ["positions", i, "sellableQty"],
          message: `sellableQty (${p.sellableQty}) exceeds qty (${p.qty})`,
        });
      }
      levels += p.book?.bids.length ?? 0;
    });
    if (levels > PLAN_CAPS.totalLevels)
      ctx.addIssue({
        code: "custom",
        path: ["positions"],
        message: `at most ${PLAN_CAPS.totalLevels} bid levels in all (got ${levels})`,
      });
  });

export type PlanBody = z.infer<typeof planBodySchema>;
