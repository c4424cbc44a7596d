"use client";
// The margin heatmap (R9): accounts grouped by the sector of their largest exposure, one cell per
// account colored by margin level (worst first); symbols colored by the stress of their holders.
// A cell opens the account; a symbol opens the accounts list filtered to its holders.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RiskStatus } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { OpenMarginCalls } from "./open-margin-calls";
import styles from "./risk.module.css";
import { marginLevelColor } from "./status-badge";

function stressColor(share: number): string {
  // 0 -> calm green, 0.5+ -> deep red
  const x = Math.min(1, share * 2);
  const r = Math.round(31 + x * (200 - 31));
  const g = Math.round(92 - x * (92 - 24));
  const b = Math.round(61 - x * (61 - 36));
  return `rgb(${r}, ${g}, ${b})`;
}

export function HeatmapView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.risk.heatmap.queryOptions(), refetchInterval: 10_000 });
  const d = q.data;
  const lines = d?.lines;
  const legend = lines
    ? [
        { label: `< ${fmt.number(lines.hardFloor, 2)}`, color: marginLevelColor(lines.hardFloor - 0.01, lines) },
        { label: `< ${fmt.number(lines.liquidation, 2)}`, color: marginLevelColor(lines.liquidation - 0.01, lines) },
        { label: `< ${fmt.number(lines.warning, 2)}`, color: marginLevelColor(lines.warning - 0.01, lines) },
        { label: `< ${fmt.number(lines.target, 2)}`, color: marginLevelColor(lines.target - 0.01, lines) },
        { label: `≥ ${fmt.number(lines.target, 2)}`, color: marginLevelColor(lines.target, lines) },
        { label: t("risk.heatmap.noMargin"), color: marginLevelColor(null, lines) },
      ]
    : [];
  return (
    <div className="stack">
      <section className="panel" aria-labelledby="heat-title">
        <div className="panel-head">
          <h1 id="heat-title">{t("risk.heatmap.title")}</h1>
          {d && (
            <span className="muted">
              {t("risk.list.liveAsOf", { time: fmt.dateTime(d.minuteTs + 60_000), version: d.paramVersion })}
            </span>
          )}
        </div>
        {q.isPending && <p className="muted">{t("common.loading")}</p>}
        {q.isError && (
          <p role="alert" className="form-error">
            {q.error.message}
          </p>
        )}
        {q.isSuccess && (!d || d.sectors.length === 0) && <p className="muted">{t("risk.heatmap.empty")}</p>}
        {d && lines && d.sectors.length > 0 && (
          <>
            <h2>{t("risk.heatmap.accounts")}</h2>
            <p className="muted small">{t("risk.heatmap.accountsHint")}</p>
            <div className={styles.legend} aria-label={t("risk.heatmap.legend")}>
              {t("risk.fig.ml")}:
              {legend.map((l) => (
                <span key={l.label}>
                  <i className={styles.swatch} style={{ background: l.color }} /> {l.label}
                </span>
              ))}
            </div>
            {d.sectors.map((s) => (
              <div key={s.sector} className={styles.sector}>
                <h3>
                  {s.sector}{" "}
                  <span className="muted">· {t("risk.heatmap.count", { count: fmt.integer(s.accounts.length) })}</span>
                </h3>
                <div className={styles.cells}>
                  {s.accounts.map((a) => (
                    <Link
                      key={a.id}
                      href={`/accounts/${encodeURIComponent(a.id)}`}
                      className={styles.cell}
                      style={{ background: marginLevelColor(a.marginLevel, lines) }}
                      data-status={a.status}
                      aria-label={t("risk.heatmap.cell", {
                        code: a.code,
                        ml: a.marginLevel === null ? "—" : fmt.number(a.marginLevel, 2),
                        status: t(`risk.status.${a.status as RiskStatus}`),
                      })}
                      title={t("risk.heatmap.cell", {
                        code: a.code,
                        ml: a.marginLevel === null ? "—" : fmt.number(a.marginLevel, 2),
                        status: t(`risk.status.${a.status as RiskStatus}`),
                      })}
                    />
                  ))}
                </div>
              </div>
            ))}
          </>
        )}
      </section>
      <OpenMarginCalls />
      {d && d.symbols.length > 0 && (
        <section className="panel" aria-labelledby="heat-symbols">
          <h2 id="heat-symbols">{t("risk.heatmap.symbols")}</h2>
          <p className="muted small">{t("risk.heatmap.symbolsHint")}</p>
          <div className={styles.cells} style={{ gap: 4 }}>
            {d.symbols.map((s) => {
              const label = t("risk.heatmap.symbolCell", {
                code: s.code,
                name: s.name,
                share: fmt.percent(s.stressShare).replace(/^\+/, ""),
                holders: s.holders,
              });
              return (
                <Link
                  key={s.code}
                  href={`/accounts?symbol=${encodeURIComponent(s.code)}`}
                  className={styles.symbolCell}
                  style={{ background: stressColor(s.stressShare) }}
                  aria-label={label}
                  title={label}
                >
                  <strong>{s.code}</strong>
                  <br />
                  {s.name} · {fmt.percent(s.stressShare).replace(/^\+/, "")}
                </Link>
              );
            })}
          </div>
        </section>
      )}
    </div>
  );
}
