// Liquidation procedures (R5-R8): the queue, a ticket, the review-window actions, disputes,
// the loss waterfall and the live ticket stream. Each one: input schema, permission, one service call.
// list/detail/disputes/waterfall declare their output: the queue page and integrations depend on these shapes.
import { z } from "zod";
import * as liquidation from "../../liquidation/liquidation-service";
import { getTicket, listMarkFreezes, listOpenDisputes, listTickets } from "../../liquidation/ticket-queries";
import { TICKET_STATES, TICKET_URGENCIES } from "../../liquidation/tickets/ticket-states";
import { readWaterfall, WATERFALL_LAYERS } from "../../liquidation/waterfall-ledger";
import {
  decideSession,
  getSessionSetting,
  proposeSession,
  withdrawSessionProposal,
} from "../../liquidation/execution/session-setting";
import { EXECUTION_SESSIONS } from "../../liquidation/execution/session-window";
import { createTRPCRouter, interactiveProcedure, permissionProcedure, stepUpProcedure } from "../trpc";
import { trackEachWithNotices } from "../tracked";

const id = z.string().min(1).max(64);
const reason = z.string().trim().min(3, "Give a reason (at least 3 characters)").max(500);
const state = z.enum(TICKET_STATES);
const urgency = z.enum(TICKET_URGENCIES);

const legOut = z.object({
  symbol: z.string(),
  qty: z.number().int(),
  filledQty: z.number().int(),
  markPrice: z.number(),
  expectedPrice: z.number(),
  expectedSlippageBps: z.number(),
  cannotClose: z.string().nullable(),
});

export const ticketSummaryOut = z.object({
  id: z.string(),
  accountId: z.string(),
  accountCode: z.string(),
  status: state,
  urgency,
  createdAt: z.date(),
  deadline: z.date(),
  heldUntil: z.date().nullable(),
  holdSeconds: z.number(),
  holdCapSeconds: z.number(),
  marginLevel: z.number().nullable(),
  equity: z.number(),
  shortfall: z.number(),
  expectedSlippageBps: z.number().nullable(),
  realizedSlippageBps: z.number().nullable(),
  paramVersion: z.number().int(),
  executedAt: z.date().nullable(),
  closedReason: z.string().nullable(),
  replans: z.number().int(),
  disputes: z.number().int(),
  legs: z.array(legOut),
});

export const ticketDetailOut = ticketSummaryOut.omit({ accountCode: true, disputes: true, legs: true }).extend({
  accountCode: z.string(),
  clientName: z.string(),
  cash: z.number(),
  debt: z.number(),
  triggerMinute: z.date(),
  maintenance: z.number(),
  version: z.number().int(),
  reasons: z.record(z.string(), z.unknown()),
  plan: z.record(z.string(), z.unknown()),
  legs: z.array(legOut.extend({ id: z.string(), seq: z.number().int() })),
  fills: z.array(
    z.object({
      id: z.string(),
      symbol: z.string(),
      qty: z.number().int(),
      price: z.number(),
      grossProceeds: z.number(),
      fees: z.number(),
      slippageBps: z.number(),
      ts: z.date(),
      journalEntryId: z.string().nullable(),
    }),
  ),
  holds: z.array(
    z.object({
      id: z.string(),
      kind: z.string(),
      reason: z.string(),
      byEmail: z.string(),
      fromTs: z.date(),
      untilTs: z.date(),
      grantedSeconds: z.number(),
    }),
  ),
  disputes: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      enteredBy: z.string(),
      status: z.string(),
      reviewNote: z.string().nullable(),
      reviewedBy: z.string().nullable(),
      reviewedAt: z.date().nullable(),
      createdAt: z.date(),
    }),
  ),
  events: z.array(
    z.object({
      id: z.number().int(),
      ts: z.date(),
      kind: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string(),
      actor: z.string(),
      data: z.record(z.string(), z.unknown()).nullable(),
    }),
  ),
});

const actionOut = z.object({ ticketId: z.string(), status: z.string() });
const session = z.enum(EXECUTION_SESSIONS);
const sessionSettingOut = z.object({
  session,
  updatedAt: z.date().nullable(),
  proposal: z
    .object({
      session,
      reason: z.string(),
      proposedById: z.string(),
      proposedByEmail: z.string(),
      proposedAt: z.string(),
    })
    .nullable(),
});

export const liquidationRouter = createTRPCRouter({
  list: permissionProcedure("liquidation.view")
    .input(
      z.object({
        statuses: z.array(state).min(1).optional(),
        since: z.date().optional(),
        accountId: id.optional(),
        limit: z.number().int().min(1).max(1000).default(200),
      }),
    )
    .output(z.array(ticketSummaryOut))
    .query(({ ctx, input }) => listTickets(ctx.prisma, input)),
  detail: permissionProcedure("liquidation.view")
    .input(z.object({ id }))
    .output(ticketDetailOut)
    .query(({ ctx, input }) => getTicket(ctx.prisma, input.id)),
  hold: permissionProcedure("liquidation.act")
    .input(z.object({ id, reason }))
    .output(actionOut)
    .mutation(({ ctx, input }) => liquidation.hold(ctx, { ticketId: input.id, reason: input.reason }, ctx.user)),
  extendHold: permissionProcedure("liquidation.extendHold")
    .input(
      z.object({
        id,
        reason,
        extraSeconds: z.number().int().min(60, "At least 60 s").max(3600, "At most 3,600 s (1 hour) at a time"),
      }),
    )
    .output(actionOut)
    .mutation(({ ctx, input }) =>
      liquidation.extend(ctx, { ticketId: input.id, reason: input.reason, extraSeconds: input.extraSeconds }, ctx.user),
    ),
  execute: permissionProcedure("liquidation.act")
    .input(z.object({ id }))
    .output(actionOut)
    .mutation(({ ctx, input }) => liquidation.execute(ctx, { ticketId: input.id }, ctx.user)),
  reduce: permissionProcedure("liquidation.act")
    .input(
      z.object({
        id,
        reason,
        legs: z
          .array(
            z.object({
              symbol: z.string().min(1).max(20),
              qty: z.number().int().min(0, "Quantities cannot be negative"),
            }),
          )
          .min(1)
          .max(200),
      }),
    )
    .output(actionOut)
    .mutation(({ ctx, input }) =>
      liquidation.reduce(ctx, { ticketId: input.id, reason: input.reason, legs: input.legs }, ctx.user),
    ),
  cancel: permissionProcedure("liquidation.act")
    .input(z.object({ id, reason }))
    .output(actionOut)
    .mutation(({ ctx, input }) => liquidation.cancel(ctx, { ticketId: input.id, reason: input.reason }, ctx.user)),
  dispute: permissionProcedure("liquidation.dispute")
    .input(z.object({ id, text: z.string().trim().min(3, "Describe the dispute (at least 3 characters)").max(2000) }))
    .output(actionOut)
    .mutation(({ ctx, input }) => liquidation.dispute(ctx, { ticketId: input.id, text: input.text }, ctx.user)),
  disputes: permissionProcedure("liquidation.view")
    .input(z.object({ limit: z.number().int().min(1).max(500).default(100) }).optional())
    .output(
      z.array(
        z.object({
          id: z.string(),
          ticketId: z.string(),
          accountId: z.string(),
          ticketStatus: z.string(),
          text: z.string(),
          enteredBy: z.string(),
          createdAt: z.date(),
        }),
      ),
    )
    .query(({ ctx, input }) => listOpenDisputes(ctx.prisma, input?.limit ?? 100)),
  reviewDispute: permissionProcedure("liquidation.reviewDispute")
    .input(z.object({ disputeId: id, note: reason }))
    .output(actionOut)
    .mutation(({ ctx, input }) => liquidation.review(ctx, input, ctx.user)),
  waterfall: permissionProcedure("liquidation.view")
    .output(
      z.array(
        z.object({ layer: z.enum(WATERFALL_LAYERS), balance: z.number(), absorbed: z.number(), funded: z.number() }),
      ),
    )
    .query(({ ctx }) => readWaterfall(ctx.prisma)),
  markFreezes: permissionProcedure("liquidation.view")
    .input(z.object({ limit: z.number().int().min(1).max(200).default(20) }).optional())
    .output(
      z.array(
        z.object({
          id: z.string(),
          minuteTs: z.date(),
          symbol: z.string(),
          reason: z.string(),
          message: z.string(),
          divergence: z.number().nullable(),
          accounts: z.number().int(),
        }),
      ),
    )
    .query(({ ctx, input }) => listMarkFreezes(ctx.prisma, input?.limit ?? 20)),
  executionSession: permissionProcedure("liquidation.session.view")
    .output(sessionSettingOut)
    .query(({ ctx }) => getSessionSetting(ctx.prisma)),
  proposeExecutionSession: interactiveProcedure("liquidation.session.propose")
    .input(z.object({ session, reason }))
    .output(sessionSettingOut)
    .mutation(({ ctx, input }) => proposeSession(ctx.prisma, ctx.user, input)),
  withdrawExecutionSession: interactiveProcedure("liquidation.session.propose")
    .output(sessionSettingOut)
    .mutation(({ ctx }) => withdrawSessionProposal(ctx.prisma, ctx.user)),
  decideExecutionSession: stepUpProcedure("liquidation.session.approve")
    .input(
      z.object({
        session,
        approve: z.boolean(),
        note: z.string().trim().max(500).optional(),
        totpCode: z
          .string()
          .trim()
          .regex(/^\d{6}$/, "The authenticator code has 6 digits")
          .optional(),
      }),
    )
    .output(sessionSettingOut)
    .mutation(({ ctx, input }) =>
      decideSession(ctx.prisma, ctx.user, { session: input.session, approve: input.approve, note: input.note }),
    ),
  onTicket: permissionProcedure("liquidation.view")
    .input(z.object({ lastEventId: z.string().max(64).nullish() }).optional())
    .subscription(({ ctx, input, signal }) =>
      trackEachWithNotices(liquidation.streamTicketEvents(ctx, input?.lastEventId, signal)),
    ),
});
