"use client";
// One live ticket stream per tab (R6 "pushed live"): the provider subscribes once for the signed-in
// user, refreshes the liquidation queries an event touches (the mark guard's freezes ride on it too), beeps on a new ticket for the desk (RISK)
// when the sound is on, and falls back to polling every 2 s while the stream is down. The navigation
// badge and the queue page read the open tickets from the same cached query.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { createContext, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { OPEN_STATES } from "./format";
import styles from "./liquidation.module.css";
import { playTicketBeep, useTicketSound } from "./sound";

export const OPEN_LIST_INPUT = { statuses: [...OPEN_STATES], limit: 1000 };
export const POLL_MS = 2_000;
/** Ticket events are folded into one refresh per this many ms. */
const REFRESH_MS = 750;

export interface NewTicketNotice {
  ticketId: string;
  accountId: string;
  urgency: string;
  at: number;
}

interface LiveTickets {
  enabled: boolean;
  /** True while the live stream is not connected: screens poll instead. */
  polling: boolean;
  lastNew: NewTicketNotice | null;
  beeps: number;
}

const LiveTicketsContext = createContext<LiveTickets>({ enabled: false, polling: false, lastNew: null, beeps: 0 });

export function LiveTicketsProvider({
  enabled,
  alert,
  children,
}: {
  enabled: boolean;
  alert: boolean;
  children: ReactNode;
}) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [sound] = useTicketSound();
  const [lastNew, setLastNew] = useState<NewTicketNotice | null>(null);
  const [beeps, setBeeps] = useState(0);
  // A crash opens and fills hundreds of tickets in a minute: refresh at most every 750 ms, and let a
  // request in flight finish (cancelRefetch: false) rather than cancel and resend it on each event.
  // Only the stream's handler and the timer touch the box, never render.
  const pendingRef = useRef<{
    timer: ReturnType<typeof setTimeout> | null;
    tickets: Set<string>;
    accounts: Set<string>;
    freezes: boolean;
    disputes: boolean;
  }>({ timer: null, tickets: new Set(), accounts: new Set(), freezes: false, disputes: false });
  const flush = () => {
    const p = pendingRef.current;
    p.timer = null;
    const keep = { cancelRefetch: false };
    if (p.tickets.size > 0) void qc.invalidateQueries({ queryKey: trpc.liquidation.list.pathKey() }, keep);
    for (const id of p.tickets) void qc.invalidateQueries({ queryKey: trpc.liquidation.detail.queryKey({ id }) }, keep);
    if (p.accounts.size > 0) void qc.invalidateQueries({ queryKey: trpc.liquidation.waterfall.queryKey() }, keep);
    for (const id of p.accounts) void qc.invalidateQueries({ queryKey: trpc.accounts.risk.queryKey({ id }) }, keep);
    if (p.freezes) void qc.invalidateQueries({ queryKey: trpc.liquidation.markFreezes.pathKey() }, keep);
    if (p.disputes) void qc.invalidateQueries({ queryKey: trpc.liquidation.disputes.pathKey() }, keep);
    p.tickets.clear();
    p.accounts.clear();
    p.freezes = false;
    p.disputes = false;
  };
  useEffect(() => {
    const p = pendingRef.current;
    return () => {
      if (p.timer) clearTimeout(p.timer);
    };
  }, []);
  const sub = useSubscription(
    // onData runs when an event arrives, never during render; the compiler cannot tell a hook's
    // callback from a render-time call, so it flags the ref the handler reads.
    // eslint-disable-next-line react-hooks/refs
    trpc.liquidation.onTicket.subscriptionOptions(undefined, {
      enabled,
      onData: (e) => {
        const p = pendingRef.current;
        if (!("data" in e)) {
          // The mark guard froze symbols at this bar close: the banner re-reads its list.
          p.freezes = true;
          p.timer ??= setTimeout(flush, REFRESH_MS);
          return;
        }
        const ev = e.data;
        p.tickets.add(ev.ticketId);
        if (ev.kind === "FILL_PARTIAL" || ev.kind === "COMPLETE") p.accounts.add(ev.accountId);
        if (ev.kind === "DISPUTE" || ev.kind === "DISPUTE_REVIEWED") p.disputes = true;
        p.timer ??= setTimeout(flush, REFRESH_MS);
        if (ev.kind === "OPEN") {
          setLastNew({ ticketId: ev.ticketId, accountId: ev.accountId, urgency: ev.urgency, at: ev.ts });
          if (alert && sound) {
            playTicketBeep();
            setBeeps((n) => n + 1);
          }
        }
      },
    }),
  );
  // "pending" is a connected stream waiting for events; "connecting" also covers a reconnect.
  const polling = enabled && (sub.status === "error" || sub.status === "connecting");
  const value = useMemo(() => ({ enabled, polling, lastNew, beeps }), [enabled, polling, lastNew, beeps]);
  return <LiveTicketsContext.Provider value={value}>{children}</LiveTicketsContext.Provider>;
}

export function useLiveTickets(): LiveTickets {
  return useContext(LiveTicketsContext);
}

/** The open tickets, most urgent first (shared by the badge and the queue). */
export function useOpenTickets() {
  const trpc = useTRPC();
  const live = useLiveTickets();
  return useQuery({
    ...trpc.liquidation.list.queryOptions(OPEN_LIST_INPUT),
    enabled: live.enabled,
    // The stream refreshes it on every event; the slow interval only catches a missed one.
    refetchInterval: live.polling ? POLL_MS : false,
    staleTime: 1_000,
  });
}

/** The navigation badge: how many tickets are open, announced to screen readers when it grows. */
export function OpenTicketsBadge() {
  const { t, fmt } = useI18n();
  const open = useOpenTickets();
  const n = open.data?.length ?? 0;
  if (n === 0) return null;
  return (
    // The count is shown; screen readers hear the sentence instead (an aria-label on a plain span is
    // not allowed, and would differ from the visible text).
    <span className={styles.navBadge} data-testid="liquidation-badge" title={t("liquidation.nav.badge", { n })}>
      <span aria-hidden="true">{fmt.integer(n)}</span>
      <span className="sr-only">{t("liquidation.nav.badge", { n })}</span>
    </span>
  );
}
