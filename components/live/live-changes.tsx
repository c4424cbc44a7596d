"use client";
// One "what changed" stream per tab (server/live/change-notices): each notice names an area, and
// the queries of that area that are on screen refetch, instead of every screen polling on a timer.
// While the stream is down (connecting, reconnecting, failed) screens fall back to their old poll
// (useChangePoll); when it comes back every mapped query refreshes once, so nothing missed stays.
import { useQueryClient, type Query } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { createContext, useContext, useEffect, useMemo, useRef, type ReactNode } from "react";
import { useTRPC } from "../trpc/react";

/** A tRPC query key starts with its path: [["payments", "queue"], { input, type }]. */
type Path = readonly string[];

/**
 * What each scope refreshes. A router's mutations refresh that router and the areas it writes to;
 * the engine's minute refreshes what its minute-close work writes (cases, payments, incidents,
 * capital lines); the risk tick refreshes the figures. The liquidation queries have their own
 * stream (live-tickets) and are not listed here.
 */
const SCOPE_PATHS: Record<string, readonly Path[]> = {
  tick: [
    ["risk", "status"],
    ["risk", "heatmap"],
    ["risk", "heatmapCell"],
    ["accounts", "list"],
    ["accounts", "risk"],
    ["accounts", "marginCalls"],
    ["accounts", "decisions"],
    ["accounts", "history"],
    ["risk", "marginCalls"],
    ["risk", "params"],
    ["capital"],
  ],
  minute: [
    ["market", "status"],
    ["monitoring", "feedHealth"],
    ["admin", "system"],
    ["surveillance"],
    ["payments"],
    ["oncall"],
    ["funding"],
    ["capital"],
    ["stress"],
    ["liquidationLedger"],
  ],
  alerts: [["surveillance"], ["oncall"]],
  // Includes "engine behind" and "leader lost": the engine panels re-read the status at once.
  desk: [["oncall"], ["admin", "securityAlerts"], ["market", "status"]],
  accounts: [
    ["accounts", "risk"],
    ["accounts", "marginCalls"],
    ["accounts", "decisions"],
    ["accounts", "get"],
  ],
  admin: [["admin"]],
  monitoring: [["monitoring"]],
  risk: [["risk"], ["accounts", "marginCalls"], ["accounts", "risk"]],
  payments: [["payments"], ["accounts", "risk"], ["capital"], ["funding"]],
  liquidation: [
    ["liquidation", "executionSession"],
    ["accounts", "risk"],
  ],
  oncall: [["oncall"]],
  calendar: [["calendar"]],
  capital: [["capital"]],
  funding: [["funding"], ["capital"]],
  surveillance: [["surveillance"], ["accounts", "get"], ["payments"]],
  reports: [["reports"]],
  stress: [["stress"]],
  // The notifier wrote notifications (or a bell marked some read): the bells refetch.
  notifications: [["notifications"]],
};

function matches(query: Query, paths: readonly Path[]): boolean {
  const head = query.queryKey[0];
  if (!Array.isArray(head)) return false;
  return paths.some((p) => p.every((seg, i) => head[i] === seg));
}

const ALL_PATHS: readonly Path[] = Object.values(SCOPE_PATHS).flat();
/** Notices of a burst (a crash minute: tick, minute, alerts, desk events) are folded into one refresh. */
const FOLD_MS = 300;

const LiveChangesContext = createContext<{ connected: boolean }>({ connected: false });

export function LiveChangesProvider({ children }: { children: ReactNode }) {
  const trpc = useTRPC();
  const qc = useQueryClient();
  const pending = useRef<{ scopes: Set<string>; timer: ReturnType<typeof setTimeout> | null }>({
    scopes: new Set(),
    timer: null,
  });
  const everConnected = useRef(false);
  useEffect(() => {
    const p = pending.current;
    return () => {
      if (p.timer) clearTimeout(p.timer);
    };
  }, []);
  const sub = useSubscription(
    // onData runs when a notice arrives, never during render; the compiler cannot tell a hook's
    // callback from a render-time call, so it flags the ref the handler reads.
    // eslint-disable-next-line react-hooks/refs
    trpc.live.onChange.subscriptionOptions(undefined, {
      onData: (notice) => {
        const p = pending.current;
        p.scopes.add(notice.scope);
        p.timer ??= setTimeout(() => {
          p.timer = null;
          const paths = [...p.scopes].flatMap((s) => SCOPE_PATHS[s] ?? []);
          p.scopes.clear();
          if (paths.length > 0)
            void qc.invalidateQueries({ predicate: (q) => matches(q, paths) }, { cancelRefetch: false });
        }, FOLD_MS);
      },
    }),
  );
  const connected = sub.status === "pending";
  useEffect(() => {
    if (!connected) return;
    // Back after a gap: what changed meanwhile was not announced to this tab; refresh it all once.
    if (everConnected.current)
      void qc.invalidateQueries({ predicate: (q) => matches(q, ALL_PATHS) }, { cancelRefetch: false });
    everConnected.current = true;
  }, [connected, qc]);
  const value = useMemo(() => ({ connected }), [connected]);
  return <LiveChangesContext.Provider value={value}>{children}</LiveChangesContext.Provider>;
}

/**
 * The refetchInterval of a query the change stream keeps fresh: none while the stream is
 * connected, `fallbackMs` while it is down (the screen's previous poll).
 */
export function useChangePoll(fallbackMs: number): number | false {
  return useContext(LiveChangesContext).connected ? false : fallbackMs;
}
