// R6 human actions on a ticket in its review window: hold (reason required; lasts to the next bar
// close; renewals logged; cumulative cap), MANAGER extension of the cap, reduce quantities, cancel when
// the account recovered, execute now (claims execution; the slice runs in the executor), and client
// disputes that reach COMPLIANCE. Each is one transaction: row lock, conditional update, audit event.
import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import type { AccountRiskSnapshot } from "../../risk/ports";
import type { PlannerParams } from "../planner/types";
import {
  lockTicket,
  recordTicketEventTx,
  recordTransitionsTx,
  transitionTicketTx,
  type Actor,
  type TicketBusEvent,
} from "./ticket-transition";

const MINUTE = 60_000;

export interface ActionResult {
  ticketId: string;
  status: string;
  events: TicketBusEvent[];
}

function requireText(v: string, what: string): string {
  const s = v.trim();
  if (s.length < 3) throw new AppError("BAD_REQUEST", `Please give a ${what} (at least 3 characters).`);
  return s;
}

/**
 * R6: a hold lasts until the next bar close, within what is left of the cumulative cap. A renewal
 * counts only the time beyond the current hold's end, so held time is never counted twice.
 */
export function grantHold(
  nowMs: number,
  t: { holdMs: number; holdCapMs: number; heldUntil?: Date | null },
): { untilMs: number; grantedMs: number } {
  const from = Math.max(nowMs, t.heldUntil?.getTime() ?? 0);
  const nextClose = Math.floor(nowMs / MINUTE) * MINUTE + MINUTE;
  const left = Math.max(0, t.holdCapMs - t.holdMs);
  const grantedMs = Math.max(0, Math.min(nextClose - from, left));
  return { untilMs: from + grantedMs, grantedMs };
}

export async function holdTicket(
  prisma: PrismaClient,
  input: { ticketId: string; reason: string },
  actor: Actor,
  deps: { nowMs: number; planner: PlannerParams },
): Promise<ActionResult> {
  const reason = requireText(input.reason, "reason for the hold");
  return prisma.$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId);
    if (t.urgency === "HARD_FLOOR")
      throw new AppError("CONFLICT", "Hard-floor tickets have no review window and cannot be held.");
    const holds = await tx.liquidationHold.count({ where: { ticketId: t.id, kind: { in: ["HOLD", "RENEW"] } } });
    if (holds >= 1 + deps.planner.hold.maxRenewals) {
      throw new AppError(
        "CONFLICT",
        `This ticket was already held ${holds} times (one hold and at most ${deps.planner.hold.maxRenewals} renewals); a manager can extend it.`,
      );
    }
    const { untilMs, grantedMs } = grantHold(deps.nowMs, t);
    if (grantedMs <= 0 && t.holdMs < t.holdCapMs)
      throw new AppError("CONFLICT", "The ticket is already held until the next bar close.");
    if (grantedMs <= 0) {
      throw new AppError(
        "CONFLICT",
        `The cumulative hold cap (${Math.round(t.holdCapMs / 1000)} s) is used up; a manager can extend it.`,
      );
    }
    const kind = t.status === "HELD" ? "RENEW" : "HOLD";
    await tx.liquidationHold.create({
      data: {
        ticketId: t.id,
        kind,
        reason,
        byId: actor.id,
        byEmail: actor.email,
        fromTs: new Date(deps.nowMs),
        untilTs: new Date(untilMs),
        grantedMs,
      },
    });
    const ev = await transitionTicketTx(tx, t, "HOLD", {
      actor,
      data: { heldUntil: new Date(untilMs), holdMs: { increment: grantedMs } },
      audit: {
        kind,
        reason,
        until: new Date(untilMs).toISOString(),
        grantedMs,
        cumulativeMs: t.holdMs + grantedMs,
        capMs: t.holdCapMs,
      },
    });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}

/** MANAGER raises the cumulative cap and holds the ticket to the next bar close (R6). */
export async function extendHold(
  prisma: PrismaClient,
  input: { ticketId: string; reason: string; extraSeconds: number },
  actor: Actor,
  deps: { nowMs: number },
): Promise<ActionResult> {
  const reason = requireText(input.reason, "reason for the extension");
  return prisma.$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId);
    if (t.urgency === "HARD_FLOOR")
      throw new AppError("CONFLICT", "Hard-floor tickets have no review window and cannot be held.");
    const capMs = t.holdCapMs + input.extraSeconds * 1000;
    const { untilMs, grantedMs } = grantHold(deps.nowMs, {
      holdMs: t.holdMs,
      holdCapMs: capMs,
      heldUntil: t.heldUntil,
    });
    await tx.liquidationHold.create({
      data: {
        ticketId: t.id,
        kind: "EXTEND",
        reason,
        byId: actor.id,
        byEmail: actor.email,
        fromTs: new Date(deps.nowMs),
        untilTs: new Date(untilMs),
        grantedMs,
      },
    });
    const ev = await transitionTicketTx(tx, t, "EXTEND", {
      actor,
      data: { holdCapMs: capMs, heldUntil: new Date(untilMs), holdMs: { increment: grantedMs } },
      audit: { reason, extraSeconds: input.extraSeconds, capMs, until: new Date(untilMs).toISOString() },
    });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}

/** System: holds that reached their end (bar close) go back into the review window. */
export async function releaseExpiredHolds(prisma: PrismaClient, nowMs: number): Promise<TicketBusEvent[]> {
  const due = await prisma.liquidationTicket.findMany({
    where: { status: "HELD", heldUntil: { lte: new Date(nowMs) } },
    select: { id: true },
  });
  const events: TicketBusEvent[] = [];
  for (const { id } of due) {
    try {
      events.push(
        await prisma.$transaction(async (tx) => {
          const t = await lockTicket(tx, id);
          return transitionTicketTx(tx, t, "RELEASE", {
            actor: null,
            data: { heldUntil: null },
            audit: { reason: "hold ended at the bar close" },
          });
        }),
      );
    } catch (err) {
      if (!(err instanceof AppError && err.code === "CONFLICT")) throw err; // someone acted first: fine
    }
  }
  return events;
}

/** RISK lowers planned quantities (never raises them); each leg stays whole lots and >= what is filled. */
export async function reduceTicket(
  prisma: PrismaClient,
  input: { ticketId: string; reason: string; legs: Array<{ symbol: string; qty: number }> },
  actor: Actor,
): Promise<ActionResult> {
  const reason = requireText(input.reason, "reason for the reduction");
  return prisma.$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId);
    const legs = await tx.liquidationLeg.findMany({ where: { ticketId: t.id, cannotClose: null } });
    const lots = new Map(
      (
        await tx.symbol.findMany({
          where: { code: { in: legs.map((l) => l.symbol) } },
          select: { code: true, lotSize: true },
        })
      ).map((s) => [s.code, s.lotSize]),
    );
    const changes: Array<{ symbol: string; from: number; to: number }> = [];
    for (const r of input.legs) {
      const leg = legs.find((l) => l.symbol === r.symbol);
      if (!leg) throw new AppError("BAD_REQUEST", `The plan has no leg for ${r.symbol}.`);
      if (r.qty > leg.qty)
        throw new AppError(
          "BAD_REQUEST",
          `${r.symbol}: a reduction cannot raise the quantity (${leg.qty} planned, ${r.qty} asked).`,
        );
      const lot = lots.get(r.symbol) ?? 100;
      if (r.qty % lot !== 0 && r.qty !== leg.qty)
        throw new AppError("BAD_REQUEST", `${r.symbol}: quantities are in whole lots of ${lot} shares.`);
      if (r.qty !== leg.qty) changes.push({ symbol: r.symbol, from: leg.qty, to: r.qty });
    }
    if (changes.length === 0)
      throw new AppError("BAD_REQUEST", "Nothing to reduce: give at least one leg with a smaller quantity.");
    for (const c of changes)
      await tx.liquidationLeg.updateMany({
        where: { ticketId: t.id, symbol: c.symbol, cannotClose: null },
        data: { qty: c.to },
      });
    const ev = await transitionTicketTx(tx, t, "REDUCE", { actor, audit: { reason, changes } });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}

/** R6: cancel only when the account has recovered (not below the liquidation line, no expired call). */
export async function cancelTicket(
  prisma: PrismaClient,
  input: { ticketId: string; reason: string },
  actor: Actor,
  deps: { snapshot: (accountId: string) => AccountRiskSnapshot | undefined },
): Promise<ActionResult> {
  const reason = requireText(input.reason, "reason for the cancellation");
  return prisma.$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId);
    const snap = deps.snapshot(t.accountId);
    const expired = await tx.marginCall.count({ where: { accountId: t.accountId, status: "ESCALATED" } });
    if (
      !snap ||
      snap.status === "LIQUIDATION" ||
      snap.status === "HARD_FLOOR" ||
      (snap.status === "WARNING" && expired > 0)
    ) {
      const ml = snap?.marginLevel == null ? "unknown" : snap.marginLevel.toFixed(2);
      throw new AppError(
        "PRECONDITION_FAILED",
        `The account has not recovered (status ${snap?.status ?? "unknown"}, margin level ${ml}); hold or reduce the ticket instead.`,
      );
    }
    const ev = await transitionTicketTx(tx, t, "CANCEL", {
      actor,
      data: { closedReason: `CANCELLED: ${reason}` },
      audit: { reason, status: snap.status, marginLevel: snap.marginLevel },
    });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}

/** Claims execution (OPEN/HELD -> EXECUTING) exactly once; a second claim gets CONFLICT. */
export async function claimExecution(
  prisma: PrismaClient,
  input: { ticketId: string; trigger: "MANUAL" | "DEADLINE" | "HARD_FLOOR" },
  actor: Actor | null,
  deps: { nowMs: number },
): Promise<ActionResult> {
  return prisma.$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId);
    if (input.trigger === "DEADLINE" && (t.status !== "OPEN" || t.deadline.getTime() > deps.nowMs)) {
      throw new AppError("CONFLICT", "The ticket is not due.");
    }
    const ev = await transitionTicketTx(tx, t, "EXECUTE", {
      actor,
      data: { heldUntil: null },
      audit: { trigger: input.trigger },
    });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}

/**
 * System claims in bulk (OPEN/HELD -> EXECUTING) in one conditional statement: every unheld ticket whose
 * deadline passed (trigger DEADLINE), or the given hard-floor tickets (no review window). Rows a click
 * or another desk moved first no longer match and are left alone, so a ticket is claimed once.
 */
export async function claimDueTickets(
  prisma: PrismaClient,
  input: { trigger: "DEADLINE" } | { trigger: "HARD_FLOOR"; ticketIds: readonly string[] },
  deps: { nowMs: number },
): Promise<TicketBusEvent[]> {
  if (input.trigger === "HARD_FLOOR" && input.ticketIds.length === 0) return [];
  const now = new Date(deps.nowMs);
  return prisma.$transaction(async (tx) => {
    const rows =
      input.trigger === "DEADLINE"
        ? await tx.$queryRaw<Claimed[]>`
            WITH c AS (SELECT id, status, version FROM "LiquidationTicket"
                       WHERE status = 'OPEN' AND deadline <= ${now} ORDER BY id FOR UPDATE)
            UPDATE "LiquidationTicket" t SET status = 'EXECUTING', version = t.version + 1, "heldUntil" = NULL,
                   "updatedAt" = now()
            FROM c WHERE t.id = c.id AND t.status = c.status
            RETURNING t.id, t."accountId", t.urgency, t.deadline, c.status AS "from", c.version`
        : await tx.$queryRaw<Claimed[]>`
            WITH c AS (SELECT id, status, version FROM "LiquidationTicket"
                       WHERE id = ANY(${[...input.ticketIds]}) AND status IN ('OPEN', 'HELD') ORDER BY id FOR UPDATE)
            UPDATE "LiquidationTicket" t SET status = 'EXECUTING', version = t.version + 1, "heldUntil" = NULL,
                   "updatedAt" = now()
            FROM c WHERE t.id = c.id AND t.status = c.status
            RETURNING t.id, t."accountId", t.urgency, t.deadline, c.status AS "from", c.version`;
    // Queue order (urgency, then deadline) so the events read in the order the slices will run.
    rows.sort((a, b) => a.deadline.getTime() - b.deadline.getTime() || a.id.localeCompare(b.id));
    return recordTransitionsTx(
      tx,
      rows.map((r) => ({
        ticket: { id: r.id, accountId: r.accountId, urgency: r.urgency, version: r.version },
        event: "EXECUTE" as const,
        from: r.from === "HELD" ? ("HELD" as const) : ("OPEN" as const),
        to: "EXECUTING" as const,
        audit: { trigger: input.trigger },
      })),
      deps.nowMs,
    );
  });
}

interface Claimed {
  id: string;
  accountId: string;
  urgency: string;
  deadline: Date;
  from: string;
  version: number;
}

export async function disputeTicket(
  prisma: PrismaClient,
  input: { ticketId: string; text: string },
  actor: Actor,
): Promise<ActionResult> {
  const text = requireText(input.text, "description of the client's dispute");
  return prisma.$transaction(async (tx) => {
    const t = await lockTicket(tx, input.ticketId);
    const d = await tx.liquidationDispute.create({
      data: { ticketId: t.id, text, enteredById: actor.id, enteredBy: actor.email },
      select: { id: true },
    });
    const ev = await recordTicketEventTx(tx, t, "DISPUTE", { actor, data: { disputeId: d.id, text } });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}

/** COMPLIANCE records its review of a dispute (once). */
export async function reviewDispute(
  prisma: PrismaClient,
  input: { disputeId: string; note: string },
  actor: Actor,
): Promise<ActionResult> {
  const note = requireText(input.note, "review note");
  return prisma.$transaction(async (tx) => {
    const d = await tx.liquidationDispute.findUnique({ where: { id: input.disputeId } });
    if (!d) throw new AppError("NOT_FOUND", "Dispute not found.");
    const res = await tx.liquidationDispute.updateMany({
      where: { id: d.id, status: "OPEN" },
      data: { status: "REVIEWED", reviewNote: note, reviewedBy: actor.email, reviewedAt: new Date() },
    });
    if (res.count !== 1) throw new AppError("CONFLICT", "This dispute was already reviewed.");
    const t = await lockTicket(tx, d.ticketId);
    const ev = await recordTicketEventTx(tx, t, "DISPUTE_REVIEWED", { actor, data: { disputeId: d.id, note } });
    return { ticketId: t.id, status: t.status, events: [ev] };
  });
}
