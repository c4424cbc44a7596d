// The notifier: listens on the bus (liquidation tickets, desk events, market alerts) and scans the
// queues (failed payments, case assignments, approvals, on-call pages), writes notifications, and
// announces the "notifications" scope so open bells refetch. Work is serialised on one chain so
// writes never race; idle() lets tests and shutdown wait for it.
import type { PrismaClient } from "../db/generated/client";
import type { BusEvent, EventBus } from "../engine/event-bus";
import type { AlertEvent } from "../market/monitoring/market-monitoring";
import type { TicketBusEvent } from "../liquidation/tickets/ticket-transition";
import type { ChangeNotice } from "../live/change-notices";
import { DESK_EVENT_TOPIC, nameAccountIn, type DeskEvent } from "./desk-event";
import { alertDrafts, deskEventDraft, ticketDraft } from "./notification-drafts";
import type { NotificationDraft } from "./notification-kinds";
import { scanQueues } from "./notification-scan";
import { deliver } from "./notification-store";

/** Topic names owned by other domains (strings here so this module does not load their engines). */
export const NOTIFY_TOPICS = { ticket: "liquidation:ticket", alert: "market:alerts", change: "live:changed" } as const;
export const NOTIFICATIONS_SCOPE = "notifications";

export class Notifier {
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly deps: { prisma: PrismaClient; bus: EventBus; log: (msg: string, err: unknown) => void },
  ) {}

  /** Subscribes to the bus; returns the unsubscribe. */
  listen(): () => void {
    const { bus } = this.deps;
    const offs = [
      bus.subscribe<TicketBusEvent>(
        NOTIFY_TOPICS.ticket,
        (e: BusEvent<TicketBusEvent>) =>
          void this.enqueue(async () => {
            const label = await this.accountLabel(e.data.accountId);
            const d = ticketDraft(e.data, label);
            return d ? [d] : [];
          }),
      ),
      bus.subscribe<DeskEvent>(
        DESK_EVENT_TOPIC,
        (e) =>
          void this.enqueue(async () => {
            const ev = e.data.accountId ? nameAccountIn(e.data, await this.accountLabel(e.data.accountId)) : e.data;
            const d = deskEventDraft(ev);
            if (d && ev.kind === "case.slaBreached" && ev.objectId) {
              const c = await this.deps.prisma.surveillanceCase.findUnique({ where: { id: ev.objectId } });
              if (c?.assigneeId) d.audience = { ...d.audience, userIds: [c.assigneeId] };
            }
            return d ? [d] : [];
          }),
      ),
      bus.subscribe<AlertEvent>(
        NOTIFY_TOPICS.alert,
        (e) =>
          void this.enqueue(async () => {
            const symbols = [...new Set(e.data.alerts.map((a) => a.symbol))];
            if (symbols.length === 0) return [];
            const items = await this.deps.prisma.watchlistItem.findMany({ where: { symbol: { in: symbols } } });
            const watchers = (s: string) => items.filter((i) => i.symbol === s).map((i) => i.userId);
            return alertDrafts(e.data, watchers);
          }),
      ),
    ];
    return () => offs.forEach((off) => off());
  }

  /** Reads the queues once (failed payments, assignments, approvals, pages). */
  scan(): Promise<void> {
    return this.enqueue(() => scanQueues(this.deps.prisma));
  }

  /** Resolves when every queued piece of work has finished. */
  async idle(): Promise<void> {
    let seen: Promise<unknown>;
    do {
      seen = this.chain;
      await seen;
    } while (seen !== this.chain);
  }

  private enqueue(work: () => Promise<NotificationDraft[]>): Promise<void> {
    const next = this.chain.then(async () => {
      try {
        const written = await deliver(this.deps.prisma, await work());
        if (written > 0) this.deps.bus.publish<ChangeNotice>(NOTIFY_TOPICS.change, { scope: NOTIFICATIONS_SCOPE });
      } catch (err) {
        this.deps.log("notification failed", err);
      }
    });
    this.chain = next;
    return next;
  }

  private async accountLabel(accountId: string): Promise<string> {
    const a = await this.deps.prisma.account.findUnique({
      where: { id: accountId },
      select: { code: true, clientName: true },
    });
    return a ? `${a.code} ${a.clientName}` : accountId;
  }
}
