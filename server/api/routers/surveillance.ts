// Surveillance and compliance procedures (S3-S5): the case queue, a case, flagged
// accounts, an account's controls and linked-account graph, and the officer's actions (move,
// assign, note, record a client's appeal, restrict / freeze, STR export). Each: input schema, permission, one service call.
// Restrict and freeze are interactive only (no API token may take them).
import { z } from "zod";
import { actOnAccount } from "../../surveillance/account-actions";
import {
  addCaseNote,
  assignCase,
  CASE_STATUSES,
  DISPOSITIONS,
  moveCase,
  recordAppeal,
} from "../../surveillance/case-service";
import { accountGraph, accountSurveillance, getCase, listAssignees, listCases } from "../../surveillance/case-queries";
import { exportStrCsv } from "../../surveillance/str-export";
import { createTRPCRouter, interactiveProcedure, permissionProcedure } from "../trpc";

const id = z.string().min(1).max(64);
const reason = z.string().trim().min(3, "Give a reason (at least 3 characters)").max(500);

export const surveillanceRouter = createTRPCRouter({
  cases: permissionProcedure("surveillance.view")
    .input(
      z
        .object({
          status: z.array(z.enum(CASE_STATUSES)).max(4).optional(),
          limit: z.number().int().min(1).max(500).optional(),
        })
        .optional(),
    )
    .query(({ ctx, input }) => listCases(ctx.prisma, input ?? {})),
  case: permissionProcedure("surveillance.view")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getCase(ctx.prisma, input.id, { accountRisk: ctx.services.accountRisk })),
  flagged: permissionProcedure("surveillance.view")
    .input(z.object({ limit: z.number().int().min(1).max(500).optional() }).optional())
    .query(({ ctx, input }) => listCases(ctx.prisma, { limit: input?.limit ?? 500 })),
  accountControls: permissionProcedure("accounts.view")
    .input(z.object({ accountId: id }))
    .query(({ ctx, input }) => accountSurveillance(ctx.prisma, input.accountId)),
  // The order-flow features behind an account's anomaly score, and its symbols' flow (S1, S4).
  features: permissionProcedure("surveillance.view")
    .input(z.object({ accountId: id, symbols: z.array(z.string().min(1).max(16)).max(20).optional() }))
    .query(({ ctx, input }) => ({
      score: ctx.services.surveillance.score(input.accountId) ?? null,
      features: ctx.services.surveillance.features(input.accountId),
      symbols: (input.symbols ?? []).map((symbol) => ({ symbol, flow: ctx.services.surveillance.symbolFlow(symbol) })),
    })),
  graph: permissionProcedure("surveillance.view")
    .input(z.object({ accountId: id }))
    .query(({ ctx, input }) => accountGraph(ctx.prisma, input.accountId)),
  move: permissionProcedure("cases.manage")
    .input(
      z.object({
        id,
        to: z.enum(CASE_STATUSES),
        disposition: z.enum(DISPOSITIONS).optional(),
        note: z.string().trim().max(2000).optional(),
        version: z.number().int().min(0).optional(),
      }),
    )
    .mutation(({ ctx, input }) => moveCase(ctx.prisma, { caseId: input.id, ...input }, ctx.user)),
  assign: permissionProcedure("cases.manage")
    .input(z.object({ id, assigneeId: id.nullable() }))
    .mutation(({ ctx, input }) => assignCase(ctx.prisma, { caseId: input.id, assigneeId: input.assigneeId }, ctx.user)),
  assignees: permissionProcedure("cases.manage").query(({ ctx }) => listAssignees(ctx.prisma)),
  appeal: permissionProcedure("cases.manage")
    .input(
      z.object({
        id,
        statement: z.string().trim().min(3, "Write down what the client says (at least 3 characters)").max(4000),
        channel: z.enum(["PHONE", "EMAIL", "LETTER", "IN_PERSON"]),
      }),
    )
    .mutation(({ ctx, input }) =>
      recordAppeal(ctx.prisma, { caseId: input.id, statement: input.statement, channel: input.channel }, ctx.user),
    ),
  note: permissionProcedure("cases.manage")
    .input(z.object({ id, text: z.string().trim().min(1, "A note cannot be empty").max(4000) }))
    .mutation(({ ctx, input }) => addCaseNote(ctx.prisma, { caseId: input.id, text: input.text }, ctx.user)),
  restrict: interactiveProcedure("accounts.restrict")
    .input(z.object({ accountId: id, caseId: id.optional(), reason, lift: z.boolean().default(false) }))
    .mutation(({ ctx, input }) =>
      actOnAccount(
        ctx.prisma,
        {
          accountId: input.accountId,
          caseId: input.caseId,
          reason: input.reason,
          action: input.lift ? "LIFT_RESTRICT" : "RESTRICT",
        },
        ctx.user,
      ),
    ),
  freeze: interactiveProcedure("accounts.freeze")
    .input(z.object({ accountId: id, caseId: id.optional(), reason, lift: z.boolean().default(false) }))
    .mutation(({ ctx, input }) =>
      actOnAccount(
        ctx.prisma,
        {
          accountId: input.accountId,
          caseId: input.caseId,
          reason: input.reason,
          action: input.lift ? "UNFREEZE" : "FREEZE",
        },
        ctx.user,
      ),
    ),
  exportStr: permissionProcedure("strReports.view")
    .input(z.object({ id }))
    .mutation(({ ctx, input }) => exportStrCsv(ctx.prisma, input.id, ctx.user)),
});
