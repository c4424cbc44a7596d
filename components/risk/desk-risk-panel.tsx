"use client";
// The desk's live book status (R4): accounts per status at the last bar close, refreshed at every
// tick (the tab's change stream says when); each count opens the accounts list filtered to that status (the liquidation queue for
// LIQUIDATION and HARD_FLOOR).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { RISK_STATUSES } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import { useChangePoll } from "../live/live-changes";
import { useTRPC } from "../trpc/react";
import styles from "./risk.module.css";

// Accounts in these statuses have liquidation tickets: their tiles open the queue filtered to them.
const QUEUED: readonly string[] = ["LIQUIDATION", "HARD_FLOOR"];

export function DeskRiskPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  // The figures by query, refetched when the change stream announces a tick; the query also tells
  // whether this role may see them (ADMIN may not).
  const first = useQuery({
    ...trpc.risk.status.queryOptions(),
    retry: false,
    staleTime: Infinity,
    refetchInterval: useChangePoll(60_000),
  });
  if (first.isError && first.error.data?.code === "FORBIDDEN") return null;
  const tick = first.data ?? undefined;
  return (
    <section className="panel" aria-labelledby="book-status-title">
      <h2 id="book-status-title">{t("risk.desk.title")}</h2>
      {first.isError && (
        <p role="alert" className="form-error">
          {first.error.message}
        </p>
      )}
      {!tick && !first.isError && <p className="muted">{t("risk.desk.noTick")}</p>}
      {tick && (
        <>
          <div className={styles.counts} data-testid="risk-counts" data-minute={tick.minuteTs}>
            {RISK_STATUSES.map((s) => (
              <Link
                key={s}
                href={QUEUED.includes(s) ? `/risk/liquidations?urgency=${s}` : `/accounts?status=${s}`}
                className={`${styles.countCell} ${styles[s]}`}
                aria-label={
                  QUEUED.includes(s)
                    ? t("liquidation.desk.openQueue", { status: t(`risk.status.${s}`) })
                    : t("risk.desk.open", { status: t(`risk.status.${s}`) })
                }
                data-testid={`risk-count-${s}`}
              >
                <span>{t(`risk.status.${s}`)}</span>
                <strong>{fmt.integer(tick.counts[s])}</strong>
              </Link>
            ))}
          </div>
          <p className="muted small">
            {t("risk.desk.lastTick", {
              time: fmt.time(tick.minuteTs + 60_000),
              version: tick.paramVersion,
              ms: fmt.number(tick.revalueMs, 1),
            })}
          </p>
        </>
      )}
    </section>
  );
}
