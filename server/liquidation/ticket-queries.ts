// Read side of the liquidation desk: the queue (urgency first, live countdown from the deadline), a
// ticket with its plan, fills, holds, disputes and event log, open disputes for COMPLIANCE, and the
// DESIGN 10 shape of GET /api/v1/liquidation/tickets. Numbers leave as plain JSON numbers.
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { compareUrgency, isTicketUrgency, TICKET_STATES, type TicketState } from "./tickets/ticket-states";

export const MAX_API_TICKETS = 1000;

export const ticketsQuery = z.object({
  status: z.enum(TICKET_STATES, { message: `status must be one of ${TICKET_STATES.join(", ")}` }).optional(),
  since: z.iso
    .datetime({ offset: true, message: "since must be an ISO-8601 timestamp, e.g. 2026-12-02T02:00:00Z" })
    .optional()
    .meta({ description: "Only tickets created at or after this instant (ISO-8601)" }),
  limit: z.coerce.number().int().min(1).max(MAX_API_TICKETS, `limit is capped at ${MAX_API_TICKETS}`).default(200),
});

export interface TicketsFilter {
  status?: TicketState;
  since?: Date;
  limit: number;
}

/** The parsed query of GET /api/v1/liquidation/tickets as the list's filter. */
export function toTicketsFilter(q: z.output<typeof ticketsQuery>): TicketsFilter {
  return { status: q.status, since: q.since ? new Date(q.since) : undefined, limit: q.limit };
}

/** The query string of GET /api/v1/liquidation/tickets; anything else is a 400 (ZodError). */
export function parseTicketsQuery(params: URLSearchParams): TicketsFilter {
  return toTicketsFilter(ticketsQuery.parse(Object.fromEntries(params.entries())));
}

const num = (d: { toString(): string }) => Number(d.toString());

const listSelect = {
  id: true,
  accountId: true,
  status: true,
  urgency: true,
  createdAt: true,
  deadline: true,
  heldUntil: true,
  holdMs: true,
  holdCapMs: true,
  marginLevel: true,
  equity: true,
  shortfall: true,
  expectedSlippageBps: true,
  realizedSlippageBps: true,
  paramVersion: true,
  executedAt: true,
  closedReason: true,
  replans: true,
  legs: {
    orderBy: { seq: "asc" as const },
    select: {
      symbol: true,
      qty: true,
      filledQty: true,
      markPrice: true,
      expectedPrice: true,
      expectedSlippageBps: true,
      cannotClose: true,
    },
  },
  _count: { select: { disputes: true } },
} as const;

export async function listTickets(
  prisma: PrismaClient,
  input: { statuses?: TicketState[]; since?: Date; accountId?: string; limit: number },
) {
  const rows = await prisma.liquidationTicket.findMany({
    where: {
      ...(input.statuses ? { status: { in: input.statuses } } : {}),
      ...(input.since ? { createdAt: { gte: input.since } } : {}),
      ...(input.accountId ? { accountId: input.accountId } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    select: listSelect,
  });
  const codes = new Map(
    (
      await prisma.account.findMany({
        where: { id: { in: rows.map((r) => r.accountId) } },
        select: { id: true, code: true },
      })
    ).map((a) => [a.id, a.code]),
  );
  const out = rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    accountCode: codes.get(r.accountId) ?? r.accountId,
    status: r.status as TicketState,
    urgency: isTicketUrgency(r.urgency) ? r.urgency : "LIQUIDATION",
    createdAt: r.createdAt,
    deadline: r.deadline,
    heldUntil: r.heldUntil,
    holdSeconds: Math.round(r.holdMs / 1000),
    holdCapSeconds: Math.round(r.holdCapMs / 1000),
    marginLevel: r.marginLevel,
    equity: num(r.equity),
    shortfall: num(r.shortfall),
    expectedSlippageBps: r.expectedSlippageBps,
    realizedSlippageBps: r.realizedSlippageBps,
    paramVersion: r.paramVersion,
    executedAt: r.executedAt,
    closedReason: r.closedReason,
    replans: r.replans,
    disputes: r._count.disputes,
    legs: r.legs,
  }));
  // Open tickets by urgency (hard floor, expired call, liquidation), then the earliest deadline.
  return out.sort((a, b) => {
    const ao = a.status === "EXECUTED" || a.status === "CANCELLED" ? 1 : 0;
    const bo = b.status === "EXECUTED" || b.status === "CANCELLED" ? 1 : 0;
    return (
      ao - bo ||
      (ao === 0
        ? compareUrgency(
            { urgency: a.urgency, deadline: a.deadline.getTime() },
            { urgency: b.urgency, deadline: b.deadline.getTime() },
          )
        : b.createdAt.getTime() - a.createdAt.getTime())
    );
  });
}

export async function getTicket(prisma: PrismaClient, id: string) {
  const t = await prisma.liquidationTicket.findUnique({
    where: { id },
    include: {
      legs: { orderBy: { seq: "asc" } },
      fills: { orderBy: { ts: "asc" } },
      holds: { orderBy: { createdAt: "asc" } },
      disputes: { orderBy: { createdAt: "asc" } },
      events: { orderBy: { id: "asc" } },
    },
  });
  if (!t) throw new AppError("NOT_FOUND", "Liquidation ticket not found.");
  const account = await prisma.account.findUnique({
    where: { id: t.accountId },
    select: { code: true, clientName: true, cash: true, debt: true },
  });
  return {
    id: t.id,
    accountId: t.accountId,
    accountCode: account?.code ?? t.accountId,
    clientName: account?.clientName ?? "",
    cash: account ? num(account.cash) : 0,
    debt: account ? num(account.debt) : 0,
    status: t.status as TicketState,
    urgency: isTicketUrgency(t.urgency) ? t.urgency : "LIQUIDATION",
    triggerMinute: t.triggerMinute,
    createdAt: t.createdAt,
    deadline: t.deadline,
    heldUntil: t.heldUntil,
    holdSeconds: Math.round(t.holdMs / 1000),
    holdCapSeconds: Math.round(t.holdCapMs / 1000),
    paramVersion: t.paramVersion,
    marginLevel: t.marginLevel,
    equity: num(t.equity),
    maintenance: num(t.maintenance),
    shortfall: num(t.shortfall),
    expectedSlippageBps: t.expectedSlippageBps,
    realizedSlippageBps: t.realizedSlippageBps,
    executedAt: t.executedAt,
    closedReason: t.closedReason,
    replans: t.replans,
    version: t.version,
    reasons: t.reasons as Record<string, unknown>,
    plan: t.plan as Record<string, unknown>,
    legs: t.legs.map((l) => ({
      id: l.id,
      seq: l.seq,
      symbol: l.symbol,
      qty: l.qty,
      filledQty: l.filledQty,
      markPrice: l.markPrice,
      expectedPrice: l.expectedPrice,
      expectedSlippageBps: l.expectedSlippageBps,
      cannotClose: l.cannotClose,
    })),
    fills: t.fills.map((f) => ({
      id: f.id,
      symbol: f.symbol,
      qty: f.qty,
      price: f.price,
      grossProceeds: num(f.grossProceeds),
      fees: num(f.fees),
      slippageBps: f.slippageBps,
      ts: f.ts,
      journalEntryId: f.journalEntryId,
    })),
    holds: t.holds.map((h) => ({
      id: h.id,
      kind: h.kind,
      reason: h.reason,
      byEmail: h.byEmail,
      fromTs: h.fromTs,
      untilTs: h.untilTs,
      grantedSeconds: Math.round(h.grantedMs / 1000),
    })),
    disputes: t.disputes.map((d) => ({
      id: d.id,
      text: d.text,
      enteredBy: d.enteredBy,
      status: d.status,
      reviewNote: d.reviewNote,
      reviewedBy: d.reviewedBy,
      reviewedAt: d.reviewedAt,
      createdAt: d.createdAt,
    })),
    events: t.events.map((e) => ({
      id: e.id,
      ts: e.ts,
      kind: e.kind,
      fromStatus: e.fromStatus,
      toStatus: e.toStatus,
      actor: e.actor,
      data: (e.data ?? null) as Record<string, unknown> | null,
    })),
  };
}

export async function listOpenDisputes(prisma: PrismaClient, limit: number) {
  const rows = await prisma.liquidationDispute.findMany({
    where: { status: "OPEN" },
    orderBy: { createdAt: "asc" },
    take: limit,
    include: { ticket: { select: { accountId: true, status: true, urgency: true } } },
  });
  return rows.map((d) => ({
    id: d.id,
    ticketId: d.ticketId,
    accountId: d.ticket.accountId,
    ticketStatus: d.ticket.status,
    text: d.text,
    enteredBy: d.enteredBy,
    createdAt: d.createdAt,
  }));
}

/** DESIGN 10: GET /api/v1/liquidation/tickets, newest first. */
export async function listTicketsForApi(
  prisma: PrismaClient,
  input: { status?: TicketState; since?: Date; limit: number },
) {
  const rows = await prisma.liquidationTicket.findMany({
    where: {
      ...(input.status ? { status: input.status } : {}),
      ...(input.since ? { createdAt: { gte: input.since } } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: input.limit,
    include: { legs: { where: { cannotClose: null }, orderBy: { seq: "asc" } }, fills: { orderBy: { ts: "asc" } } },
  });
  return rows.map((t) => ({
    id: t.id,
    accountId: t.accountId,
    status: t.status,
    urgency: t.urgency,
    createdAt: t.createdAt.toISOString(),
    deadline: t.deadline.toISOString(),
    legs: t.legs.map((l) => ({
      symbol: l.symbol,
      qty: l.qty,
      expectedPrice: l.expectedPrice,
      expectedSlippageBps: l.expectedSlippageBps,
      filledQty: l.filledQty,
    })),
    fills: t.fills.map((f) => ({
      symbol: f.symbol,
      qty: f.qty,
      price: f.price,
      ts: f.ts.toISOString(),
      fees: num(f.fees),
    })),
    realizedSlippageBps: t.realizedSlippageBps,
    expectedSlippageBps: t.expectedSlippageBps,
    shortfall: num(t.shortfall),
  }));
}

/** The mark guard's recent alerts for the desk: symbols whose close was not confirmed, newest first. */
export async function listMarkFreezes(prisma: PrismaClient, limit: number) {
  const rows = await prisma.liquidationMarkFreeze.findMany({
    orderBy: [{ minuteTs: "desc" }, { symbol: "asc" }],
    take: limit,
  });
  return rows.map((r) => ({
    id: r.id,
    minuteTs: r.minuteTs,
    symbol: r.symbol,
    reason: r.reason,
    message: r.message,
    divergence: r.divergence,
    accounts: r.accounts,
  }));
}
