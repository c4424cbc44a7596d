// Funding (F1): sources, tranche products, alerts and the lending what-if for everyone with
// funding.view; a MANAGER with a fresh step-up marks a source down or up and changes its cost.
import { z } from "zod";
import { previewNewLending } from "../../funding/lending-service";
import { listFundingAlerts, listSources, setSourceCost, setSourceStatus } from "../../funding/source-service";
import { quoteForAccount } from "../../funding/quote-service";
import { listTranches } from "../../funding/tranche-service";
import { createTRPCRouter, permissionProcedure, stepUpProcedure } from "../trpc";

const code = z
  .string()
  .trim()
  .min(1)
  .max(40)
  .regex(/^[A-Z0-9-]+$/, "A source code (capitals, digits, -)");
const totpCode = z
  .string()
  .regex(/^\d{6}$/, "6 digits")
  .optional();

export const fundingRouter = createTRPCRouter({
  sources: permissionProcedure("funding.view").query(({ ctx }) => listSources(ctx.prisma)),
  tranches: permissionProcedure("funding.view").query(({ ctx }) => listTranches(ctx.prisma)),
  alerts: permissionProcedure("funding.view").query(({ ctx }) => listFundingAlerts(ctx.prisma)),
  previewLending: permissionProcedure("funding.view")
    .input(
      z.object({
        accountId: z.string().min(1).max(64),
        symbol: z.string().min(1).max(20),
        amount: z.number().positive().max(1e10),
        termDays: z.number().int().min(1).max(3650),
      }),
    )
    .query(({ ctx, input }) => previewNewLending(ctx.prisma, input)),
  /** The account's client rate for new lending now (F1 pricing), as the account page shows it. */
  quote: permissionProcedure("funding.view")
    .input(z.strictObject({ accountId: z.string().min(1).max(64) }))
    .query(({ ctx, input }) => quoteForAccount(ctx.prisma, input.accountId)),
  setSourceStatus: stepUpProcedure("funding.manage")
    .input(
      z.object({
        code,
        status: z.enum(["ACTIVE", "DOWN"]),
        reason: z.string().trim().min(3, "Say why (at least 3 characters)").max(500),
        expectedVersion: z.number().int().min(0),
        totpCode,
      }),
    )
    .mutation(({ ctx, input }) => setSourceStatus(ctx.prisma, ctx.user, input)),
  setSourceCost: stepUpProcedure("funding.manage")
    .input(
      z.object({
        code,
        costRate: z.number().min(0).max(1, "A cost is a yearly fraction (0.05 = 5%)"),
        expectedVersion: z.number().int().min(0),
        totpCode,
      }),
    )
    .mutation(({ ctx, input }) => setSourceCost(ctx.prisma, ctx.user, input)),
});
