// Where desk events come from: liquidation ticket events on the bus (a hard-floor ticket opening),
// everything the domains publish on the shared desk-event topic (execution failures, capital lines,
// case SLAs, the leader lock), the engine's and feed supervisor's status read at each pager tick, and
// step-up lock-outs from the audit trail's security alerts (they happen on any web instance).
import type { PrismaClient } from "../db/generated/client";
import type { EventBus } from "../engine/event-bus";
import type { EngineStatus } from "../engine/market-engine";
import type { FeedHealth } from "../market/feeds/feed-supervisor";
import { securityAlertDeskEvent } from "../auth/security-alerts";
import { LIQUIDATION_TOPIC, type TicketBusEvent } from "../liquidation/tickets/ticket-transition";
import { ACCOUNT_PLACEHOLDER, DESK_EVENT_TOPIC, type DeskEvent } from "../notify/desk-event";

/**
 * A hard-floor ticket pages: one opening at the hard floor, and a liquidation ticket re-planned because
 * its account fell to the hard floor (it executes at once too; the account never gets a second ticket).
 * Both carry the ticket's key, so a later re-plan joins the open incident. Other transitions do not page.
 */
export function ticketToDeskEvent(e: TicketBusEvent): DeskEvent | null {
  if ((e.kind !== "OPEN" && e.kind !== "REPLAN") || e.urgency !== "HARD_FLOOR") return null;
  return {
    kind: "liquidation.hardFloor",
    severity: "CRITICAL",
    key: `ticket:${e.ticketId}`,
    title: `Hard floor: ${ACCOUNT_PLACEHOLDER}`,
    detail: `Account ${ACCOUNT_PLACEHOLDER} fell below the hard floor; its liquidation ticket executes at once.`,
    zh: {
      title: `触及强平线：${ACCOUNT_PLACEHOLDER}`,
      detail: `账户 ${ACCOUNT_PLACEHOLDER} 跌破强平线，其强平工单立即执行。`,
    },
    accountId: e.accountId,
    objectType: "LiquidationTicket",
    objectId: e.ticketId,
    link: `/accounts/${encodeURIComponent(e.accountId)}`,
    ts: e.ts,
  };
}

export interface EngineWatchState {
  failovers: number | null;
}

/** Engine more than this far behind its clock (engine time) pages. */
export const ENGINE_BEHIND_MS = 2 * 60_000;

/** Reads the engine and feed status at a tick and says what pages (grouping keeps repeats quiet). */
export function observeEngine(
  state: EngineWatchState,
  status: Pick<EngineStatus, "running" | "simTime" | "lastClosedMinuteTs" | "runningSince">,
  feed: Pick<FeedHealth, "sources" | "activeSource">,
  failovers: number,
): DeskEvent[] {
  const out: DeskEvent[] = [];
  const ts = status.simTime;
  if (state.failovers !== null && failovers > state.failovers) {
    out.push({
      kind: "feed.failover",
      severity: "WARNING",
      key: "feed:failover",
      title: `Market feed failed over to ${feed.activeSource}`,
      detail: `The primary source went stale; prints now come from ${feed.activeSource}.`,
      zh: {
        title: `行情源已切换至 ${feed.activeSource}`,
        detail: `主行情源已失效，成交数据现由 ${feed.activeSource} 提供。`,
      },
      objectType: "Feed",
      objectId: feed.activeSource,
      link: "/admin/system",
      ts,
    });
  }
  state.failovers = failovers;
  if (status.running && feed.sources.length > 0 && feed.sources.every((s) => s.stale)) {
    out.push({
      kind: "feed.allStale",
      severity: "CRITICAL",
      key: "feed:all-stale",
      title: "All market data sources are stale",
      detail: `No source has printed within its staleness window (${feed.sources.map((s) => s.id).join(", ")}).`,
      zh: {
        title: "所有行情源均已失效",
        detail: `在失效窗口内没有任何行情源有成交数据（${feed.sources.map((s) => s.id).join("、")}）。`,
      },
      objectType: "Feed",
      objectId: null,
      link: "/admin/system",
      ts,
    });
  }
  const lastClose = status.lastClosedMinuteTs !== null ? status.lastClosedMinuteTs + 60_000 : status.runningSince;
  if (status.running && lastClose !== null && ts - lastClose > ENGINE_BEHIND_MS) {
    out.push({
      kind: "engine.behind",
      severity: "WARNING",
      key: "engine:behind",
      title: "The minute engine is behind",
      detail: `No minute has closed for ${Math.round((ts - lastClose) / 60_000)} minutes of engine time.`,
      zh: {
        title: "分钟引擎落后",
        detail: `引擎时间已有 ${Math.round((ts - lastClose) / 60_000)} 分钟没有完成分钟收盘。`,
      },
      objectType: "Engine",
      objectId: null,
      link: "/admin/system",
      ts,
    });
  }
  return out;
}

/**
 * Step-up lock-outs since the cursor (audit ids ascending). The auth domain publishes them as security
 * alerts on the audit trail rather than on the bus: a lock-out happens on whichever web instance served
 * the request, while the pager runs on the engine's instance, and the in-process bus does not cross.
 * What the page says is the auth domain's (securityAlertDeskEvent).
 */
export async function readStepUpLockouts(
  prisma: PrismaClient,
  afterId: number,
  now: number,
): Promise<{ events: DeskEvent[]; cursor: number }> {
  const rows = await prisma.auditEvent.findMany({
    where: { action: "security.alert", id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: 100,
    select: { id: true, targetId: true, after: true },
  });
  const events: DeskEvent[] = [];
  for (const r of rows) {
    const e = securityAlertDeskEvent(r, now);
    if (e) events.push(e);
  }
  return { events, cursor: rows.at(-1)?.id ?? afterId };
}

/** Subscribes the pager to the bus; returns the unsubscribe. */
export function subscribeDeskEvents(bus: EventBus, handle: (e: DeskEvent) => void): () => void {
  const offs = [
    bus.subscribe<TicketBusEvent>(LIQUIDATION_TOPIC, (ev) => {
      const d = ticketToDeskEvent(ev.data);
      if (d) handle(d);
    }),
    bus.subscribe<DeskEvent>(DESK_EVENT_TOPIC, (ev) => handle(ev.data)),
  ];
  return () => offs.forEach((off) => off());
}
