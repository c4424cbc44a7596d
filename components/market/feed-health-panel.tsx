"use client";
// M1 feed health on screen: the active source, each source's staleness, prints and problems, the
// divergence between sources and the supervisor's recent events (failover, fail-back, ...).
import { useQuery } from "@tanstack/react-query";
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./market.module.css";

export function useSourceName(): (id: string) => string {
  const { t } = useI18n();
  return (id) =>
    ["sim-a", "sim-b", "replay", "websocket"].includes(id) ? t(`market.feeds.sourceNames.${id}` as MessageKey) : id;
}

export function FeedHealthPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const sourceName = useSourceName();
  const health = useQuery({ ...trpc.monitoring.feedHealth.queryOptions(), refetchInterval: 2000 });
  const h = health.data;
  const statusClass = (s: string) => (s === "ok" ? styles.info : s === "degraded" ? styles.warning : styles.critical);
  return (
    <section className="panel" aria-labelledby="feed-health-title" data-testid="feed-health">
      <div className="panel-head">
        <h2 id="feed-health-title">{t("market.feeds.health")}</h2>
        {h && (
          <span className={`${styles.badge} ${statusClass(h.status)}`} data-testid="feed-status" data-status={h.status}>
            {t(`market.feeds.${h.status}`)}
          </span>
        )}
      </div>
      {health.isPending && <p className="muted">{t("common.loading")}</p>}
      {health.isError && (
        <p role="alert" className="form-error">
          {health.error.message}
        </p>
      )}
      {health.isSuccess && !h && <p className="muted">{t("market.feeds.engineOff")}</p>}
      {h && (
        <>
          <p>
            {t("market.feeds.active")}: <strong data-testid="active-source">{sourceName(h.activeSource)}</strong>
          </p>
          <p className="muted small">
            {t("market.feeds.thresholds", {
              stale: h.options.staleMs / 1000,
              bps: h.options.divergenceBps,
              failback: h.options.failbackMs / 1000,
            })}
          </p>
          {h.divergingSymbols > 0 && (
            <p className="small">
              {t("market.feeds.diverging", { n: h.divergingSymbols, bps: fmt.number(h.maxDivergenceBps, 1) })}
            </p>
          )}
          <table className="table">
            <thead>
              <tr>
                <th>{t("market.feeds.role")}</th>
                <th>{t("market.feeds.source")}</th>
                <th>{t("market.feeds.state")}</th>
                <th>{t("market.feeds.lastHeard")}</th>
                <th className="num">{t("market.feeds.ticks")}</th>
                <th className="num">{t("market.feeds.errors")}</th>
                <th>{t("market.feeds.problem")}</th>
              </tr>
            </thead>
            <tbody>
              {h.sources.map((s) => (
                <tr key={s.role} tabIndex={0}>
                  <td>
                    {t(`market.feeds.${s.role}`)}
                    {h.active === s.role ? " ●" : ""}
                  </td>
                  <td>{sourceName(s.id)}</td>
                  <td>{s.stale ? t("market.feeds.stale") : t("market.feeds.ok")}</td>
                  <td>{s.lastAliveAt ? fmt.dateTime(s.lastAliveAt) : "–"}</td>
                  <td className="num">{fmt.integer(s.ticks)}</td>
                  <td className="num">{fmt.integer(s.errors)}</td>
                  <td className="small">{s.problem ?? "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h3>{t("market.feeds.events")}</h3>
          {h.events.length === 0 ? (
            <p className="muted small">{t("market.feeds.noEvents")}</p>
          ) : (
            <ul className={styles.feed}>
              {h.events.slice(0, 12).map((e, i) => (
                <li key={`${e.ts}-${i}`} className={styles.feedItem}>
                  <span className="small">
                    <strong>{e.kind}</strong> · {sourceName(e.source)} · {fmt.dateTime(e.ts)}
                  </span>
                  <span className="muted small">{e.detail}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
