// Applies one R6/R7 ticket transition inside a transaction: the row is locked, the table says whether
// the event is allowed, and the update is conditional on the status and version read, so a second
// concurrent actor (a second click, the deadline timer, a restarted engine) finds the ticket already
// moved and gets a clear CONFLICT. Each transition writes its audit event and the ticket's own event
// row in the same transaction; the caller publishes the returned events on the bus after commit.
import type { Prisma } from "../../db/generated/client";
import { appendAuditEventsTx, appendAuditEventTx } from "../../audit/audit-service";
import type { EventBus } from "../../engine/event-bus";
import { AppError } from "../../errors";
import type { Tx } from "../../ledger/ledger-service";
import { insertRowsAsJsonReturning } from "./bulk-insert";
import { isTicketState, nextTicketState, type TicketEvent, type TicketState } from "./ticket-states";

export const LIQUIDATION_TOPIC = "liquidation:ticket";

export interface Actor {
  id: string;
  email: string;
}

/** What the live stream carries: the ticket event row (its id is the tracked id). */
export interface TicketBusEvent {
  eventId: number;
  ticketId: string;
  accountId: string;
  kind: string;
  from: TicketState | null;
  to: TicketState;
  urgency: string;
  actor: string;
  ts: number;
}

export type TicketRow = Prisma.LiquidationTicketGetPayload<object>;

export async function lockTicket(tx: Tx, id: string): Promise<TicketRow> {
  await tx.$queryRaw`SELECT id FROM "LiquidationTicket" WHERE id = ${id} FOR UPDATE`;
  const t = await tx.liquidationTicket.findUnique({ where: { id } });
  if (!t) throw new AppError("NOT_FOUND", "Liquidation ticket not found.");
  return t;
}

export function ticketStateOf(t: Pick<TicketRow, "status">): TicketState {
  if (!isTicketState(t.status)) throw new Error(`unknown ticket state ${t.status}`);
  return t.status;
}

const WORDS: Record<TicketEvent, string> = {
  HOLD: "hold",
  EXTEND: "extend the hold of",
  RELEASE: "release",
  REPLAN: "re-plan",
  REDUCE: "reduce",
  EXECUTE: "execute",
  FILL_PARTIAL: "fill",
  COMPLETE: "complete",
  CANCEL: "cancel",
};

function refusal(t: TicketRow, event: TicketEvent): AppError {
  const state = t.status.toLowerCase().replace("_", " ");
  return new AppError("CONFLICT", `This ticket is ${state}; you can no longer ${WORDS[event]} it.`);
}

/** Records a ticket event (audit + event row) without a status change, e.g. a dispute. */
export async function recordTicketEventTx(
  tx: Tx,
  t: TicketRow,
  kind: string,
  opts: { actor: Actor | null; data?: Record<string, unknown> },
): Promise<TicketBusEvent> {
  const actor = opts.actor?.email ?? "system:liquidation";
  await appendAuditEventTx(tx, {
    actorId: opts.actor?.id ?? null,
    actorEmail: actor,
    action: `liquidation.${kind.toLowerCase()}`,
    targetType: "LiquidationTicket",
    targetId: t.id,
    before: { status: t.status },
    after: { status: t.status, ...opts.data },
  });
  const row = await tx.liquidationEvent.create({
    data: { ticketId: t.id, kind, fromStatus: t.status, toStatus: t.status, actor, data: (opts.data ?? {}) as object },
    select: { id: true, ts: true },
  });
  const from = ticketStateOf(t);
  return {
    eventId: row.id,
    ticketId: t.id,
    accountId: t.accountId,
    kind,
    from,
    to: from,
    urgency: t.urgency,
    actor,
    ts: row.ts.getTime(),
  };
}

export async function transitionTicketTx(
  tx: Tx,
  t: TicketRow,
  event: TicketEvent,
  opts: {
    actor: Actor | null;
    data?: Prisma.LiquidationTicketUpdateManyMutationInput;
    audit?: Record<string, unknown>;
  },
): Promise<TicketBusEvent> {
  const from = ticketStateOf(t);
  const to = nextTicketState(from, event);
  if (to === null) throw refusal(t, event);
  const res = await tx.liquidationTicket.updateMany({
    where: { id: t.id, status: from, version: t.version },
    data: { ...opts.data, status: to, version: { increment: 1 } },
  });
  if (res.count !== 1)
    throw new AppError("CONFLICT", "Someone else acted on this ticket at the same moment; reload it.");
  const actor = opts.actor?.email ?? "system:liquidation";
  await appendAuditEventTx(tx, {
    actorId: opts.actor?.id ?? null,
    actorEmail: actor,
    action: `liquidation.${event.toLowerCase()}`,
    targetType: "LiquidationTicket",
    targetId: t.id,
    before: { status: from, version: t.version, urgency: t.urgency },
    after: { status: to, ...opts.audit },
  });
  Object.assign(t, await tx.liquidationTicket.findUniqueOrThrow({ where: { id: t.id } }));
  const row = await tx.liquidationEvent.create({
    data: { ticketId: t.id, kind: event, fromStatus: from, toStatus: to, actor, data: (opts.audit ?? {}) as object },
    select: { id: true, ts: true },
  });
  return {
    eventId: row.id,
    ticketId: t.id,
    accountId: t.accountId,
    kind: event,
    from,
    to,
    urgency: t.urgency,
    actor,
    ts: row.ts.getTime(),
  };
}

/** One transition already applied by a set-based conditional update (the caller checked its count). */
export interface AppliedTransition {
  ticket: Pick<TicketRow, "id" | "accountId" | "urgency" | "version">; // version before the update
  event: TicketEvent;
  from: TicketState;
  to: TicketState;
  audit?: Record<string, unknown>;
}

/**
 * The audit events and event rows of many system transitions at once (claims at the deadline, a
 * minute's slices): one audit append (one chain lock) and one insert, the same content as
 * transitionTicketTx writes for each. Call it after the accounts and ticket rows are locked.
 */
export async function recordTransitionsTx(
  tx: Tx,
  items: readonly AppliedTransition[],
  nowMs: number,
): Promise<TicketBusEvent[]> {
  if (items.length === 0) return [];
  const actor = "system:liquidation";
  await appendAuditEventsTx(
    tx,
    items.map((i) => ({
      actorId: null,
      actorEmail: actor,
      action: `liquidation.${i.event.toLowerCase()}`,
      targetType: "LiquidationTicket",
      targetId: i.ticket.id,
      before: { status: i.from, version: i.ticket.version, urgency: i.ticket.urgency },
      after: { status: i.to, ...i.audit },
    })),
  );
  const ts = new Date(nowMs).toISOString();
  const rows = await insertRowsAsJsonReturning<{ id: number; ticketId: string }>(
    tx,
    "LiquidationEvent",
    ["ticketId", "ts", "kind", "fromStatus", "toStatus", "actor", "data"],
    items.map((i) => ({
      ticketId: i.ticket.id,
      ts,
      kind: i.event,
      fromStatus: i.from,
      toStatus: i.to,
      actor,
      data: i.audit ?? {},
    })),
    ["id", "ticketId"],
  );
  // A ticket appears once per call, so its event id is found by ticket.
  const idOf = new Map(rows.map((r) => [r.ticketId, r.id]));
  return items.map((i) => ({
    eventId: idOf.get(i.ticket.id) ?? 0,
    ticketId: i.ticket.id,
    accountId: i.ticket.accountId,
    kind: i.event,
    from: i.from,
    to: i.to,
    urgency: i.ticket.urgency,
    actor,
    ts: nowMs,
  }));
}

export function publishTicketEvents(bus: EventBus | undefined, events: readonly TicketBusEvent[]): void {
  if (!bus) return;
  for (const e of events) bus.publish<TicketBusEvent>(LIQUIDATION_TOPIC, e);
}
