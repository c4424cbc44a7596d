// payments procedures (P1-P4). Each one: input schema, permissionProcedure("<permission>"), one service call.
import { z } from "zod";
import { checkLedgerAgreement } from "../../ledger/ledger-service";
import { CHANNEL_RULES, CHANNELS, shanghaiDate } from "../../payments/channels";
import {
  exportLargeValueCsv,
  getWithdrawal,
  listAssignees,
  listDeposits,
  listLargeValueReports,
  listWithdrawals,
} from "../../payments/payments-queries";
import { assignBreak, getRun, importStatement, listRuns, resolveBreak } from "../../payments/reconciliation-service";
import { buildSampleStatement } from "../../payments/sample-statement";
import {
  appealWithdrawal,
  approveWithdrawal,
  confirmFreeze,
  escalateWithdrawal,
  freezeWithdrawal,
  rejectWithdrawal,
  rejectWithdrawals,
  unfreezeWithdrawal,
} from "../../payments/withdrawal-actions";
import { previewWithdrawalMargin } from "../../payments/margin-check";
import { moneyAmountSchema } from "../../payments/money-input";
import { requestConsoleWithdrawal } from "../../payments/withdrawal-request";
import { WITHDRAWAL_STATES } from "../../payments/withdrawal-states";
import { createTRPCRouter, permissionProcedure } from "../trpc";
import { depositOut, ledgerCheckOut, withdrawalDetailOut, withdrawalOut } from "./payments-outputs";

const id = z.string().min(1).max(64);
const key = z.string().min(8, "The idempotency key must have at least 8 characters").max(100);
const text = z.string().max(1000);
const date = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

export const paymentsRouter = createTRPCRouter({
  channels: permissionProcedure("payments.view").query(() =>
    CHANNELS.map((c) => ({ channel: c, ...CHANNEL_RULES[c] })),
  ),
  queue: permissionProcedure("payments.view")
    .input(z.object({ limit: z.number().int().min(1).max(500).default(200) }))
    .output(z.array(withdrawalOut))
    .query(({ ctx, input }) => listWithdrawals(ctx.prisma, { statuses: ["PENDING_APPROVAL"], limit: input.limit })),
  withdrawals: permissionProcedure("payments.view")
    .input(
      z.object({
        statuses: z.array(z.enum(WITHDRAWAL_STATES)).min(1),
        limit: z.number().int().min(1).max(500).default(200),
      }),
    )
    .output(z.array(withdrawalOut))
    .query(({ ctx, input }) => listWithdrawals(ctx.prisma, input)),
  withdrawal: permissionProcedure("payments.view")
    .input(z.object({ id }))
    .output(withdrawalDetailOut)
    .query(({ ctx, input }) => getWithdrawal(ctx.prisma, input.id)),
  /** The initial-margin check an approval would run now (same function and sources, no lock). */
  marginPreview: permissionProcedure("payments.view")
    .input(z.object({ id }))
    .query(({ ctx, input }) =>
      previewWithdrawalMargin(ctx.prisma, input.id, { accountRisk: ctx.services.accountRisk }),
    ),
  request: permissionProcedure("withdrawals.request")
    .input(
      z
        .object({
          accountId: id.optional(),
          accountCode: z.string().min(1).max(40).optional(),
          amount: moneyAmountSchema,
          channel: z.enum(CHANNELS),
          beneficiaryName: z.string().min(1).max(100),
          beneficiaryAcct: z.string().min(4).max(40),
          idempotencyKey: key,
        })
        .refine((v) => v.accountId !== undefined || v.accountCode !== undefined, {
          message: "Give the account (id or code)",
          path: ["accountCode"],
        }),
    )
    .mutation(({ ctx, input }) =>
      requestConsoleWithdrawal(ctx.prisma, { ...input, ip: null, deviceId: null }, ctx.user, {
        accountRisk: ctx.services.accountRisk,
      }),
    ),
  approve: permissionProcedure("withdrawals.approve")
    .input(
      z.object({
        id,
        idempotencyKey: key,
        totpCode: z
          .string()
          .regex(/^\d{6}$/, "6 digits")
          .optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      approveWithdrawal(
        ctx.prisma,
        { withdrawalId: input.id, idempotencyKey: input.idempotencyKey, totpCode: input.totpCode },
        ctx.user,
        { accountRisk: ctx.services.accountRisk },
      ),
    ),
  reject: permissionProcedure("withdrawals.approve")
    .input(z.object({ id, reason: text }))
    .mutation(({ ctx, input }) =>
      rejectWithdrawal(ctx.prisma, { withdrawalId: input.id, reason: input.reason }, ctx.user),
    ),
  rejectMany: permissionProcedure("withdrawals.approve")
    .input(z.object({ ids: z.array(id).min(1).max(100), reason: text }))
    .mutation(({ ctx, input }) => rejectWithdrawals(ctx.prisma, input, ctx.user)),
  escalate: permissionProcedure("withdrawals.approve")
    .input(z.object({ id, note: text }))
    .mutation(({ ctx, input }) =>
      escalateWithdrawal(ctx.prisma, { withdrawalId: input.id, note: input.note }, ctx.user),
    ),
  freeze: permissionProcedure("withdrawals.freeze")
    .input(z.object({ id, reason: text }))
    .mutation(({ ctx, input }) =>
      freezeWithdrawal(ctx.prisma, { withdrawalId: input.id, reason: input.reason }, ctx.user),
    ),
  unfreeze: permissionProcedure("withdrawals.freeze")
    .input(z.object({ id, note: text }))
    .mutation(({ ctx, input }) =>
      unfreezeWithdrawal(ctx.prisma, { withdrawalId: input.id, note: input.note }, ctx.user),
    ),
  confirmFreeze: permissionProcedure("withdrawals.freeze")
    .input(z.object({ id, note: text }))
    .mutation(({ ctx, input }) => confirmFreeze(ctx.prisma, { withdrawalId: input.id, note: input.note }, ctx.user)),
  appeal: permissionProcedure("withdrawals.appeal")
    .input(z.object({ id, text }))
    .mutation(({ ctx, input }) => appealWithdrawal(ctx.prisma, { withdrawalId: input.id, text: input.text }, ctx.user)),
  deposits: permissionProcedure("payments.view")
    .input(
      z.object({
        limit: z.number().int().min(1).max(500).default(200),
        status: z.enum(["PENDING", "CONFIRMED", "FAILED", "REVERSED"]).optional(),
      }),
    )
    .output(z.array(depositOut))
    .query(({ ctx, input }) => listDeposits(ctx.prisma, input)),
  ledgerCheck: permissionProcedure("payments.view")
    .output(ledgerCheckOut)
    .query(({ ctx }) => checkLedgerAgreement(ctx.prisma)),
  largeValue: permissionProcedure("largeValue.view")
    .input(z.object({ limit: z.number().int().min(1).max(1000).default(300) }))
    .query(({ ctx, input }) => listLargeValueReports(ctx.prisma, input)),
  largeValueCsv: permissionProcedure("largeValue.view").query(({ ctx }) => exportLargeValueCsv(ctx.prisma)),
  reconciliationRuns: permissionProcedure("payments.view").query(({ ctx }) => listRuns(ctx.prisma)),
  reconciliationRun: permissionProcedure("payments.view")
    .input(z.object({ id }))
    .query(({ ctx, input }) => getRun(ctx.prisma, input.id)),
  importStatement: permissionProcedure("reconciliation.manage")
    .input(
      z.object({
        fileName: z.string().min(1).max(200),
        csv: z.string().min(1, "The statement file is empty."),
        date: date.optional(),
      }),
    )
    .mutation(({ ctx, input }) => importStatement(ctx.prisma, input, ctx.user)),
  sampleStatement: permissionProcedure("reconciliation.manage")
    .input(z.object({ date: date.optional() }))
    .query(({ ctx, input }) => buildSampleStatement(ctx.prisma, input.date ?? shanghaiDate(Date.now()))),
  assignees: permissionProcedure("reconciliation.manage").query(({ ctx }) => listAssignees(ctx.prisma)),
  assignBreak: permissionProcedure("reconciliation.manage")
    .input(z.object({ itemId: id, assigneeId: id }))
    .mutation(({ ctx, input }) => assignBreak(ctx.prisma, input, ctx.user)),
  resolveBreak: permissionProcedure("reconciliation.manage")
    .input(z.object({ itemId: id, note: text }))
    .mutation(({ ctx, input }) => resolveBreak(ctx.prisma, input, ctx.user)),
});
