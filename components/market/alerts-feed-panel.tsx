"use client";
// The desk's live alerts feed (M6): open warnings and critical alerts, critical first, pushed over
// SSE, each linking to its symbol's market page and to the accounts holding it; the measured
// close -> pushed latency. Informational alerts stay on the alerts page.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { severityRank } from "@/server/market/monitoring/alert-rules";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { AlertEvidence, useKindLabel } from "./alert-evidence";
import styles from "./market.module.css";
import { SeverityBadge } from "./severity-badge";
import { useLiveAlerts } from "./use-live-alerts";

export function AlertsFeedPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const kindLabel = useKindLabel();
  const { last } = useLiveAlerts();
  const alerts = useQuery(trpc.monitoring.alerts.queryOptions({ status: "open", limit: 40, minSeverity: "WARNING" }));
  const shown = [...(alerts.data ?? [])]
    .sort((a, b) => severityRank(b.severity) - severityRank(a.severity) || b.ts - a.ts)
    .slice(0, 15);
  return (
    <section className="panel" aria-labelledby="alerts-feed-title" data-testid="alerts-feed">
      <div className="panel-head">
        <h2 id="alerts-feed-title">{t("market.alerts.feedTitle")}</h2>
        <Link href="/market/alerts" className="small">
          {t("market.alerts.viewAll")}
        </Link>
      </div>
      {last && (
        <p className="muted small" data-testid="alerts-latency" data-latency={last.latencyMs}>
          {t("market.alerts.latencyTitle")}: {fmt.integer(last.latencyMs)} ms
        </p>
      )}
      {alerts.isPending && <p className="muted">{t("common.loading")}</p>}
      {alerts.isError && (
        <p role="alert" className="form-error">
          {alerts.error.message}
        </p>
      )}
      {alerts.isSuccess && alerts.data.length === 0 && <p className="muted">{t("market.alerts.empty")}</p>}
      <ul className={styles.feed}>
        {shown.map((a) => (
          <li key={a.id} className={styles.feedItem} data-testid="feed-alert" data-symbol={a.symbol}>
            <div className={styles.row}>
              <SeverityBadge severity={a.severity} />
              <Link href={`/market/${a.symbol}`}>{a.symbol}</Link>
              <span className="small">{kindLabel(a.kind)}</span>
              <span className="muted small">{fmt.time(a.ts)}</span>
            </div>
            <div className={styles.row}>
              <AlertEvidence evidence={a.evidence} kind={a.kind} />
              <Link className="small" href={`/accounts?symbol=${encodeURIComponent(a.symbol)}`}>
                {t("market.alerts.accounts")}
              </Link>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
