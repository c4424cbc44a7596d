// Bus events as notification drafts (pure): a liquidation ticket opening, a desk event (the shared
// event model of on-call), and market alerts on symbols people watch. Who exactly hears a draft is
// resolved by the store (roles -> users), so these stay free of the database.
import type { AlertEvent } from "../market/monitoring/market-monitoring";
import type { TicketBusEvent } from "../liquidation/tickets/ticket-transition";
import type { DeskEvent, Severity } from "./desk-event";
import { DESK_EVENT_ROLES, TICKET_ROLES, type NotificationDraft } from "./notification-kinds";

/** A liquidation ticket opening (any urgency) tells the risk desk; its key is the hard-floor page's too. */
export function ticketDraft(e: TicketBusEvent, accountLabel: string): NotificationDraft | null {
  if (e.kind !== "OPEN") return null;
  const hard = e.urgency === "HARD_FLOOR";
  return {
    kind: "liquidation.ticket",
    severity: hard ? "CRITICAL" : "WARNING",
    title: `New liquidation ticket: ${accountLabel}`,
    titleZh: `新强平工单：${accountLabel}`,
    body: hard
      ? `Account ${accountLabel} fell below the hard floor; the ticket executes at once.`
      : `A liquidation ticket opened for account ${accountLabel} and waits for the desk.`,
    bodyZh: hard
      ? `账户 ${accountLabel} 跌破强平线，工单立即执行。`
      : `账户 ${accountLabel} 已开立强平工单，等待处理。`,
    href: `/risk/liquidations?ticket=${encodeURIComponent(e.ticketId)}`,
    objectType: "LiquidationTicket",
    objectId: e.ticketId,
    dedupeKey: `ticket:${e.ticketId}`,
    audience: { roles: TICKET_ROLES },
  };
}

/** A desk event (texts already name the account) to the roles that hear its kind. */
export function deskEventDraft(e: DeskEvent): NotificationDraft | null {
  // A hard-floor ticket is told once, by its ticket notification (same key).
  if (e.kind === "liquidation.hardFloor") return null;
  return {
    kind: e.kind === "case.slaBreached" ? "case.slaBreached" : "desk.event",
    severity: e.severity,
    title: e.title,
    titleZh: e.zh.title,
    body: e.detail,
    bodyZh: e.zh.detail,
    href: e.link,
    objectType: e.objectType,
    objectId: e.objectId,
    dedupeKey: `desk:${e.kind}:${e.key}:${Math.floor(e.ts / 3_600_000)}`,
    audience: { roles: DESK_EVENT_ROLES[e.kind] ?? ["ADMIN"] },
  };
}

function alertSeverity(s: string): Severity {
  const u = s.toUpperCase();
  if (u.startsWith("CRIT") || u === "HIGH") return "CRITICAL";
  if (u.startsWith("WARN") || u === "MEDIUM") return "WARNING";
  return "INFO";
}

/** Market alerts on a symbol, to the users who watch it (watchers looked up by the caller). */
export function alertDrafts(e: AlertEvent, watchersOf: (symbol: string) => readonly string[]): NotificationDraft[] {
  const out: NotificationDraft[] = [];
  for (const a of e.alerts) {
    const userIds = watchersOf(a.symbol);
    if (userIds.length === 0) continue;
    out.push({
      kind: "market.alert",
      severity: alertSeverity(a.severity),
      title: `Alert on ${a.symbol}: ${a.kind}`,
      titleZh: `${a.symbol} 预警：${a.kind}`,
      body: `A ${a.kind} alert fired on ${a.symbol}, a symbol on your watchlist.`,
      bodyZh: `您关注的 ${a.symbol} 触发了 ${a.kind} 预警。`,
      href: `/market/${encodeURIComponent(a.symbol)}`,
      objectType: "MarketAlert",
      objectId: a.id,
      dedupeKey: `alert:${a.id}`,
      audience: { userIds },
    });
  }
  return out;
}
