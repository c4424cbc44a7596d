"use client";
// The mark guard's alerts on the queue (one bad print never triggers a liquidation): symbols whose close
// was not confirmed in the last minutes, with how many accounts' trigger decisions waited. Shown only
// when there are some. The desk pushes each minute's freezes on the live ticket stream, which refreshes
// this list; only while that stream is down does it poll.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { POLL_MS, useLiveTickets } from "./live-tickets";
import { useEngineNow } from "./use-engine-now";

/** Alerts older than this (engine minutes are 2 s in the demo) are history, not news. */
const RECENT_MS = 15 * 60_000;

export function MarkFreezes() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const live = useLiveTickets();
  const q = useQuery({
    ...trpc.liquidation.markFreezes.queryOptions({ limit: 10 }),
    refetchInterval: live.polling ? POLL_MS : false,
  });
  const now = useEngineNow();
  const rows = q.data ?? [];
  // Recent by the engine clock: a freeze from hours ago is history even when it is the newest one.
  const recent = rows.filter((r) => now - r.minuteTs.getTime() <= RECENT_MS);
  if (recent.length === 0) return null;
  return (
    <div role="alert" className="small" data-testid="mark-freezes">
      <strong>{t("liquidation.queue.freezeTitle")}</strong>
      <ul>
        {recent.map((r) => (
          <li key={r.id} data-testid="mark-freeze" data-symbol={r.symbol} title={r.message}>
            {t("liquidation.queue.freezeLine", {
              time: fmt.time(r.minuteTs),
              symbol: r.symbol,
              reason: r.reason,
              n: fmt.integer(r.accounts),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
