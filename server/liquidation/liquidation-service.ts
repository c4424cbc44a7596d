// What the router calls: each human action with the engine clock, the live parameters and the risk
// snapshot resolved from the running process (or the database when the engine is off), its events
// published on the bus after commit; and the live ticket stream (resumes from lastEventId).
import type { PrismaClient } from "../db/generated/client";
import type { SqlSession } from "../db/connection";
import { iterateTopic, type EventBus, type StreamEvent, type StreamNotice } from "../engine/event-bus";
import type { MarketEngine } from "../engine/market-engine";
import { getLiveEngine, type LiveRisk } from "../risk/live-book";
import type { LiquidationDesk } from "./liquidation-desk";
import { resolvePlannerParams } from "./planner/planner-params";
import {
  cancelTicket,
  claimExecution,
  disputeTicket,
  extendHold,
  holdTicket,
  reduceTicket,
  reviewDispute,
  type ActionResult,
} from "./tickets/ticket-actions";
import { LIQUIDATION_FREEZE_TOPIC } from "./liquidation-desk";
import { LIQUIDATION_TOPIC, publishTicketEvents, type Actor, type TicketBusEvent } from "./tickets/ticket-transition";

export interface LiquidationDeps {
  prisma: PrismaClient;
  sql: SqlSession;
  bus: EventBus;
  engine: MarketEngine | null;
  /** desk: null with ENGINE=off (the engine's instance resumes a claimed execution). */
  services: { liquidation: LiquidationDesk | null; liveRisk: LiveRisk };
}

const nowOf = (d: LiquidationDeps) => d.services.liquidation?.now() ?? d.engine?.now() ?? Date.now();

async function plannerOf(d: LiquidationDeps) {
  return resolvePlannerParams((await d.services.liveRisk()).currentParams().params);
}

function done(d: LiquidationDeps, r: ActionResult): { ticketId: string; status: string } {
  publishTicketEvents(d.bus, r.events);
  return { ticketId: r.ticketId, status: r.status };
}

export async function hold(d: LiquidationDeps, input: { ticketId: string; reason: string }, actor: Actor) {
  return done(d, await holdTicket(d.prisma, input, actor, { nowMs: nowOf(d), planner: await plannerOf(d) }));
}

export async function extend(
  d: LiquidationDeps,
  input: { ticketId: string; reason: string; extraSeconds: number },
  actor: Actor,
) {
  return done(d, await extendHold(d.prisma, input, actor, { nowMs: nowOf(d) }));
}

export async function reduce(
  d: LiquidationDeps,
  input: { ticketId: string; reason: string; legs: Array<{ symbol: string; qty: number }> },
  actor: Actor,
) {
  return done(d, await reduceTicket(d.prisma, input, actor));
}

export async function cancel(d: LiquidationDeps, input: { ticketId: string; reason: string }, actor: Actor) {
  const risk = await getLiveEngine(d);
  return done(d, await cancelTicket(d.prisma, input, actor, { snapshot: (id) => risk.snapshot(id) }));
}

/** Through the running desk (claim + first slice at once); without an engine only the claim (the engine resumes it). */
export async function execute(d: LiquidationDeps, input: { ticketId: string }, actor: Actor) {
  const desk = d.services.liquidation;
  if (desk) {
    const r = await desk.executeNow(input.ticketId, actor);
    const t = await d.prisma.liquidationTicket.findUniqueOrThrow({
      where: { id: input.ticketId },
      select: { status: true },
    });
    return { ticketId: r.ticketId, status: t.status };
  }
  return done(
    d,
    await claimExecution(d.prisma, { ticketId: input.ticketId, trigger: "MANUAL" }, actor, { nowMs: nowOf(d) }),
  );
}

export async function dispute(d: LiquidationDeps, input: { ticketId: string; text: string }, actor: Actor) {
  return done(d, await disputeTicket(d.prisma, input, actor));
}

export async function review(d: LiquidationDeps, input: { disputeId: string; note: string }, actor: Actor) {
  return done(d, await reviewDispute(d.prisma, input, actor));
}

/** The mark guard's alert for a closed minute, as the desk publishes it (ticket-sync's frozen list). */
export interface FreezeBusPayload {
  minuteTs: number;
  frozen: Array<{ symbol: string; reason: string; accounts: number }>;
}

/** Pushed on the ticket stream when the mark guard froze symbols this minute (the banner refreshes on it). */
export interface MarkFreezeStreamEvent {
  kind: "MARK_FREEZE";
  minuteTs: number;
  symbols: string[];
}

/**
 * Both iterators' items as they come. Each has at most one next() outstanding; when one ends (abort
 * closes both) the other is drained to its end too.
 */
export async function* mergeIterators<A, B>(a: AsyncIterator<A>, b: AsyncIterator<B>): AsyncGenerator<A | B> {
  const its: Array<AsyncIterator<A | B>> = [a, b];
  const pending = new Map<number, Promise<{ i: number; r: IteratorResult<A | B> }>>();
  const pull = (i: number) => {
    const it = its[i];
    if (it)
      pending.set(
        i,
        it.next().then((r) => ({ i, r })),
      );
  };
  pull(0);
  pull(1);
  while (pending.size > 0) {
    const { i, r } = await Promise.race(pending.values());
    pending.delete(i);
    if (r.done) continue;
    yield r.value;
    pull(i);
  }
}

/**
 * Live ticket events; a reconnecting client passes the last event id it saw and gets what it missed.
 * The mark guard's freezes ride on the same stream (untracked: a reconnect re-reads the list instead).
 */
export async function* streamTicketEvents(
  d: LiquidationDeps,
  lastEventId: string | null | undefined,
  signal: AbortSignal | undefined,
): AsyncGenerator<StreamEvent<TicketBusEvent> | StreamNotice<MarkFreezeStreamEvent>> {
  const events = iterateTopic<TicketBusEvent>(d.bus, LIQUIDATION_TOPIC, signal);
  const freezes = iterateTopic<FreezeBusPayload>(d.bus, LIQUIDATION_FREEZE_TOPIC, signal);
  try {
    let last = lastEventId ? Number(lastEventId) : NaN;
    if (Number.isInteger(last)) {
      const missed = await d.prisma.liquidationEvent.findMany({
        where: { id: { gt: last } },
        orderBy: { id: "asc" },
        take: 500,
        include: { ticket: { select: { accountId: true, urgency: true } } },
      });
      for (const e of missed) {
        const ev: TicketBusEvent = {
          eventId: e.id,
          ticketId: e.ticketId,
          accountId: e.ticket.accountId,
          kind: e.kind,
          from: (e.fromStatus as TicketBusEvent["from"]) ?? null,
          to: e.toStatus as TicketBusEvent["to"],
          urgency: e.ticket.urgency,
          actor: e.actor,
          ts: e.ts.getTime(),
        };
        last = e.id;
        yield { id: String(e.id), data: ev };
      }
    }
    for await (const e of mergeIterators(events, freezes)) {
      if (e.topic === LIQUIDATION_FREEZE_TOPIC) {
        const f = e.data as FreezeBusPayload;
        const out: MarkFreezeStreamEvent = {
          kind: "MARK_FREEZE",
          minuteTs: f.minuteTs,
          symbols: f.frozen.map((x) => x.symbol),
        };
        yield { id: null, data: out };
        continue;
      }
      const ev = e.data as TicketBusEvent;
      if (Number.isInteger(last) && ev.eventId <= last) continue;
      yield { id: String(ev.eventId), data: ev };
    }
  } finally {
    events.close();
    freezes.close();
  }
}
