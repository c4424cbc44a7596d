// R6 at each bar close (after the risk tick): opens a ticket for every account newly below the
// liquidation line, at the hard floor, or with a margin call unmet at its deadline; re-plans an open
// ticket whose urgency changed (LIQUIDATION <-> HARD_FLOOR, never a second ticket); cancels a ticket
// still in review whose account recovered. New tickets are written in batched transactions, each
// ticket with its legs, audit event and event row; hard-floor tickets come back to be executed at once.
import crypto from "node:crypto";
import type { PrismaClient } from "../../db/generated/client";
import { statusOfCode } from "../../risk/engine/revalue-book";
import { appendAuditEventsTx } from "../../audit/audit-service";
import type { Tx } from "../../ledger/ledger-service";
import type { LiquidationPlan, PlanLiquidation, PlannerParams } from "../planner/types";
import type { BrokerAdapter } from "../execution/broker-adapter";
import type { MarkGuardResult } from "../mark-guard";
import { insertRowsAsJson, insertRowsAsJsonReturning } from "./bulk-insert";
import { buildPlanInputs, type PlannedAccount, type RiskView } from "./plan-inputs";
import { decideTriggers, type AccountCondition, type TriggerDecisions } from "./ticket-triggers";
import { isTicketState, isTicketUrgency, OPEN_TICKET_STATES, type TicketUrgency } from "./ticket-states";
import { lockTicket, transitionTicketTx, type TicketBusEvent } from "./ticket-transition";

export interface SyncDeps {
  prisma: PrismaClient;
  risk: RiskView;
  broker: BrokerAdapter;
  plan: PlanLiquidation;
  planner: PlannerParams;
  nowMs: number; // engine clock
  minuteTs: number; // start of the bar that just closed
  /** Tickets written per transaction (default 200; the benchmark's baseline uses 1). */
  createBatch?: number;
  /** The mark guard's frozen symbols this minute: no trigger decision on an account holding one. */
  frozen?: readonly FrozenMark[];
}

export type FrozenMark = Extract<MarkGuardResult, { status: "FROZEN" }>;

export interface SyncResult {
  created: number;
  replanned: number;
  cancelled: number;
  skippedNothingToSell: number;
  executeNow: string[]; // hard-floor tickets (no review window)
  events: TicketBusEvent[];
  planMs: number; // loading inputs and planning
  writeMs: number; // persisting tickets, re-plans and cancellations
  /** Frozen symbols that held back at least one decision, with how many accounts waited (the desk's alert). */
  frozen: Array<{ symbol: string; reason: string; message: string; accounts: number }>;
}

const CREATE_BATCH = 200;
const TICKET_COLUMNS = [
  "id",
  "accountId",
  "status",
  "urgency",
  "triggerMinute",
  "createdAt",
  "deadline",
  "holdMs",
  "holdCapMs",
  "paramVersion",
  "marginLevel",
  "equity",
  "maintenance",
  "reasons",
  "plan",
  "shortfall",
  "expectedSlippageBps",
  "replans",
  "version",
  "updatedAt",
];
const LEG_COLUMNS = [
  "id",
  "ticketId",
  "seq",
  "symbol",
  "qty",
  "filledQty",
  "markPrice",
  "expectedPrice",
  "expectedSlippageBps",
  "cannotClose",
];

function legRows(ticketId: string, plan: LiquidationPlan, input: PlannedAccount["input"]) {
  const marks = new Map(input.positions.map((p) => [p.symbol, p.price]));
  const legs = plan.legs.map((l, seq) => ({
    id: crypto.randomUUID(),
    ticketId,
    seq,
    symbol: l.symbol,
    qty: l.qty,
    markPrice: marks.get(l.symbol) ?? l.avgPrice,
    expectedPrice: l.avgPrice,
    expectedSlippageBps: l.slippageBps,
    cannotClose: null as string | null,
  }));
  plan.cannotClose.forEach((c, i) =>
    legs.push({
      id: crypto.randomUUID(),
      ticketId,
      seq: plan.legs.length + i,
      symbol: c.symbol,
      qty: 0,
      markPrice: marks.get(c.symbol) ?? 0,
      expectedPrice: 0,
      expectedSlippageBps: 0,
      cannotClose: c.reason,
    }),
  );
  return legs;
}

/** Qty-weighted expected slippage of the plan's legs (bps). */
function expectedSlippage(plan: LiquidationPlan): number | null {
  const q = plan.legs.reduce((a, l) => a + l.qty, 0);
  return q > 0 ? Math.round((plan.legs.reduce((a, l) => a + l.qty * l.slippageBps, 0) / q) * 10) / 10 : null;
}

export function planSummary(plan: LiquidationPlan) {
  return {
    target: plan.target,
    before: plan.before,
    projected: plan.projected,
    reachable: plan.reachable,
    shortfall: plan.shortfall,
    cannotClose: plan.cannotClose,
    repaidDebt: plan.repaidDebt,
    totalFees: plan.totalFees,
  };
}

export function deadlineFor(urgency: TicketUrgency, nowMs: number, planner: PlannerParams): number {
  return urgency === "HARD_FLOOR" ? nowMs : nowMs + planner.reviewWindowSeconds * 1000;
}

async function loadConditions(deps: SyncDeps) {
  const live = deps.risk.liveFigures();
  const open = (
    await deps.prisma.liquidationTicket.findMany({
      where: { status: { in: [...OPEN_TICKET_STATES] } },
      select: { id: true, accountId: true, status: true, urgency: true },
    })
  ).flatMap((t) =>
    isTicketState(t.status) && isTicketUrgency(t.urgency) ? [{ ...t, status: t.status, urgency: t.urgency }] : [],
  );
  const expired = new Set(
    (await deps.prisma.marginCall.findMany({ where: { status: "ESCALATED" }, select: { accountId: true } })).map(
      (c) => c.accountId,
    ),
  );
  const conditions = new Map<string, AccountCondition>();
  if (live) {
    live.book.accountIds.forEach((accountId, a) => {
      const status = statusOfCode(live.figures.status[a] ?? 0);
      if (status === "LIQUIDATION" || status === "HARD_FLOOR" || (status === "WARNING" && expired.has(accountId))) {
        conditions.set(accountId, { accountId, status, expiredCall: expired.has(accountId) });
      }
    });
  }
  for (const t of open) {
    if (conditions.has(t.accountId)) continue;
    const snap = deps.risk.snapshot(t.accountId);
    if (snap)
      conditions.set(t.accountId, {
        accountId: t.accountId,
        status: snap.status,
        expiredCall: expired.has(t.accountId),
      });
  }
  return { conditions: [...conditions.values()], open };
}

export async function syncTickets(deps: SyncDeps): Promise<SyncResult> {
  const { prisma } = deps;
  const { conditions, open } = await loadConditions(deps);
  const decisions = decideTriggers(conditions, open);
  const frozen = await holdBackFrozen(deps, decisions);
  const result: SyncResult = {
    created: 0,
    replanned: 0,
    cancelled: 0,
    skippedNothingToSell: 0,
    executeNow: [],
    events: [],
    planMs: 0,
    writeMs: 0,
    frozen,
  };
  const t0 = performance.now();
  const planned = await buildPlanInputs(prisma, deps, [
    ...decisions.create.map((c) => c.accountId),
    ...decisions.replan.map((r) => r.accountId),
  ]);
  const { version, params } = deps.risk.currentParams();
  const planOf = (accountId: string) => {
    const p = planned.get(accountId);
    return p ? { p, plan: deps.plan(p.input, params, deps.planner) } : null;
  };

  const creates = decisions.create.flatMap((c) => {
    const x = planOf(c.accountId);
    if (!x) return [];
    // Nothing sellable now (all suspended / limit-down / bought today): no ticket; the next close retries.
    if (!x.plan.legs.some((l) => l.qty > 0)) {
      result.skippedNothingToSell += 1;
      return [];
    }
    return [{ ...c, ...x }];
  });
  const t1 = performance.now();
  result.planMs = t1 - t0;
  const size = deps.createBatch ?? CREATE_BATCH;
  for (let i = 0; i < creates.length; i += size) {
    const batch = creates.slice(i, i + size);
    const events = await prisma.$transaction((tx) => createTicketsTx(tx, batch, { ...deps, version }), {
      timeout: 60_000,
    });
    result.events.push(...events);
    result.created += batch.length;
    for (const e of events) if (e.urgency === "HARD_FLOOR") result.executeNow.push(e.ticketId);
  }

  for (const r of decisions.replan) {
    const x = planOf(r.accountId);
    const ev = await prisma.$transaction(async (tx) => {
      const t = await lockTicket(tx, r.ticketId);
      const data = {
        urgency: r.to,
        deadline: new Date(Math.min(t.deadline.getTime(), deadlineFor(r.to, deps.nowMs, deps.planner))),
        replans: { increment: 1 },
        ...(x
          ? {
              plan: planSummary(x.plan) as object,
              reasons: x.p.reasons as object,
              shortfall: x.plan.shortfall.toFixed(2),
              expectedSlippageBps: expectedSlippage(x.plan),
              marginLevel: x.p.snapshot.marginLevel,
              paramVersion: version,
            }
          : {}),
      };
      if (x) {
        await tx.liquidationLeg.deleteMany({ where: { ticketId: t.id } });
        await tx.liquidationLeg.createMany({ data: legRows(t.id, x.plan, x.p.input) });
      }
      return transitionTicketTx(tx, t, "REPLAN", {
        actor: null,
        data,
        audit: { urgency: { from: r.from, to: r.to }, marginLevel: x?.p.snapshot.marginLevel ?? null },
      });
    });
    result.events.push(ev);
    result.replanned += 1;
    if (r.to === "HARD_FLOOR") result.executeNow.push(r.ticketId);
  }

  for (const c of decisions.cancel) {
    const ev = await prisma.$transaction(async (tx) => {
      const t = await lockTicket(tx, c.ticketId);
      return transitionTicketTx(tx, t, "CANCEL", {
        actor: null,
        data: { closedReason: `RECOVERED: the account is ${c.status} at the bar close` },
        audit: { reason: "RECOVERED", status: c.status },
      });
    });
    result.events.push(ev);
    result.cancelled += 1;
  }
  result.writeMs = performance.now() - t1;
  return result;
}

/**
 * The mark guard (one bad print never triggers a liquidation): an account holding a symbol whose bar was
 * not confirmed this minute gets no new ticket, no re-plan and no cancellation; the next confirmed close
 * decides. Removes those decisions in place and records the freeze for the desk (row + audit, one tx).
 */
async function holdBackFrozen(deps: SyncDeps, d: TriggerDecisions): Promise<SyncResult["frozen"]> {
  const frozen = deps.frozen ?? [];
  if (frozen.length === 0) return [];
  const deciding = [...d.create, ...d.replan, ...d.cancel].map((x) => x.accountId);
  if (deciding.length === 0) return [];
  const held = await deps.prisma.position.findMany({
    where: { accountId: { in: deciding }, symbolCode: { in: frozen.map((f) => f.symbol) }, qty: { gt: 0 } },
    select: { accountId: true, symbolCode: true },
  });
  if (held.length === 0) return [];
  const waiting = new Set(held.map((h) => h.accountId));
  const keep = <T extends { accountId: string }>(xs: T[]) => xs.filter((x) => !waiting.has(x.accountId));
  d.create = keep(d.create);
  d.replan = keep(d.replan);
  d.cancel = keep(d.cancel);
  const out = frozen.flatMap((f) => {
    const ids = [...new Set(held.filter((h) => h.symbolCode === f.symbol).map((h) => h.accountId))].sort();
    return ids.length > 0
      ? [{ symbol: f.symbol, reason: f.reason, message: f.message, divergence: f.divergence, ids }]
      : [];
  });
  const minuteTs = new Date(deps.minuteTs);
  await deps.prisma.$transaction(async (tx) => {
    await tx.liquidationMarkFreeze.createMany({
      data: out.map((f) => ({
        minuteTs,
        symbol: f.symbol,
        reason: f.reason,
        message: f.message,
        divergence: f.divergence,
        accounts: f.ids.length,
      })),
      skipDuplicates: true, // the same minute decided twice (a retried close) alerts once
    });
    await appendAuditEventsTx(
      tx,
      out.map((f) => ({
        actorEmail: "system:liquidation",
        action: "liquidation.mark_freeze",
        targetType: "Symbol",
        targetId: f.symbol,
        after: {
          minuteTs: minuteTs.toISOString(),
          reason: f.reason,
          message: f.message,
          divergence: f.divergence,
          accounts: f.ids.length,
          accountIds: f.ids.slice(0, 50),
        },
      })),
    );
  });
  return out.map((f) => ({ symbol: f.symbol, reason: f.reason, message: f.message, accounts: f.ids.length }));
}

async function createTicketsTx(
  tx: Tx,
  batch: Array<{ accountId: string; urgency: TicketUrgency; p: PlannedAccount; plan: LiquidationPlan }>,
  deps: SyncDeps & { version: number },
): Promise<TicketBusEvent[]> {
  const created = new Date(deps.nowMs);
  const tickets = batch.map((c) => ({
    id: crypto.randomUUID(),
    accountId: c.accountId,
    status: "OPEN",
    urgency: c.urgency,
    triggerMinute: new Date(deps.minuteTs),
    createdAt: created,
    deadline: new Date(deadlineFor(c.urgency, deps.nowMs, deps.planner)),
    holdCapMs: deps.planner.hold.cumulativeCapSeconds * 1000,
    paramVersion: deps.version,
    marginLevel: c.p.snapshot.marginLevel,
    equity: c.p.snapshot.equity.toFixed(2),
    maintenance: c.p.snapshot.maintenanceMargin.toFixed(2),
    reasons: c.p.reasons as object,
    plan: planSummary(c.plan) as object,
    shortfall: c.plan.shortfall.toFixed(2),
    expectedSlippageBps: expectedSlippage(c.plan),
  }));
  const now = created.toISOString();
  await insertRowsAsJson(
    tx,
    "LiquidationTicket",
    TICKET_COLUMNS,
    tickets.map((t) => ({
      ...t,
      createdAt: now,
      triggerMinute: t.triggerMinute.toISOString(),
      deadline: t.deadline.toISOString(),
      updatedAt: now,
      holdMs: 0,
      replans: 0,
      version: 0,
    })),
  );
  const legs = batch.flatMap((c, i) => legRows(tickets[i]?.id ?? "", c.plan, c.p.input));
  await insertRowsAsJson(
    tx,
    "LiquidationLeg",
    LEG_COLUMNS,
    legs.map((l) => ({ ...l, filledQty: 0 })),
  );
  await appendAuditEventsTx(
    tx,
    tickets.map((t, i) => ({
      actorEmail: "system:liquidation",
      action: "liquidation.open",
      targetType: "LiquidationTicket",
      targetId: t.id,
      after: {
        status: "OPEN",
        accountId: t.accountId,
        urgency: t.urgency,
        deadline: t.deadline.toISOString(),
        paramVersion: t.paramVersion,
        marginLevel: t.marginLevel,
        legs: batch[i]?.plan.legs.map((l) => ({ symbol: l.symbol, qty: l.qty })) ?? [],
        shortfall: batch[i]?.plan.shortfall ?? 0,
      },
    })),
  );
  const rows = await insertRowsAsJsonReturning<{ id: number; ticketId: string }>(
    tx,
    "LiquidationEvent",
    ["ticketId", "ts", "kind", "toStatus", "actor", "data"],
    tickets.map((t) => ({
      ticketId: t.id,
      ts: now,
      kind: "OPEN",
      toStatus: "OPEN",
      actor: "system:liquidation",
      data: { urgency: t.urgency },
    })),
    ["id", "ticketId"],
  );
  const byTicket = new Map<string, (typeof tickets)[number]>(tickets.map((t) => [t.id, t]));
  const events: TicketBusEvent[] = rows.map((r) => ({
    eventId: r.id,
    ticketId: r.ticketId,
    accountId: byTicket.get(r.ticketId)?.accountId ?? "",
    kind: "OPEN",
    from: null,
    to: "OPEN",
    urgency: byTicket.get(r.ticketId)?.urgency ?? "LIQUIDATION",
    actor: "system:liquidation",
    ts: deps.nowMs,
  }));
  return events;
}
