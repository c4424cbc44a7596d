"use client";
// The margin heatmap (R9), aggregated on the server: a sector x margin-level-band grid whose cells
// count the accounts (by the sector of their largest exposure) and their market value, colored by
// band; a cell lists its worst accounts, each linking to the account. Symbols are colored by the
// stress of their holders and open the accounts list filtered to them. Refreshed on the engine's tick.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { HEAT_BANDS, type HeatBand } from "@/server/risk/heat-bands";
import type { RiskStatus } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import { useChangePoll } from "../live/live-changes";
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
  // Figures change at a bar close only: the change stream refreshes this at every tick.
  const q = useQuery({ ...trpc.risk.heatmap.queryOptions(), refetchInterval: useChangePoll(60_000) });
  const [picked, setPicked] = useState<{ sector: string; band: HeatBand } | null>(null);
  const d = q.data;
  const lines = d?.lines;
  const bands = lines ? bandLabels(lines, (v) => fmt.number(v, 2), t("risk.heatmap.noMargin")) : [];
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
            <div style={{ overflowX: "auto" }}>
              <table className="table" data-testid="heatmap-grid">
                <caption className="muted small">{t("risk.heatmap.gridCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("risk.heatmap.sector")}</th>
                    {bands.map((b) => (
                      <th key={b.band} scope="col" className="num">
                        <i className={styles.swatch} style={{ background: b.color }} /> {b.label}
                      </th>
                    ))}
                    <th scope="col" className="num">
                      {t("risk.heatmap.total")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {d.sectors.map((s) => (
                    <tr key={s.sector}>
                      <th scope="row">{s.sector}</th>
                      {s.cells.map((c) => {
                        const band = bands.find((b) => b.band === c.band);
                        const label = t("risk.heatmap.gridCell", {
                          sector: s.sector,
                          band: band?.label ?? c.band,
                          count: fmt.integer(c.count),
                          value: fmt.money(c.marketValue),
                        });
                        const on = picked?.sector === s.sector && picked.band === c.band;
                        return (
                          <td key={c.band} className="num">
                            {c.count > 0 ? (
                              <button
                                type="button"
                                className={styles.heatCell}
                                style={{ background: band?.color }}
                                data-band={c.band}
                                aria-pressed={on}
                                aria-label={label}
                                title={label}
                                onClick={() => setPicked(on ? null : { sector: s.sector, band: c.band })}
                              >
                                {fmt.integer(c.count)}
                              </button>
                            ) : (
                              <span className="muted">·</span>
                            )}
                          </td>
                        );
                      })}
                      <td className="num">{fmt.integer(s.accounts)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {picked && (
              <HeatCellAccounts
                sector={picked.sector}
                band={picked.band}
                bandLabel={bands.find((b) => b.band === picked.band)?.label ?? picked.band}
                lines={lines}
              />
            )}
          </>
        )}
      </section>
      <OpenMarginCalls />
      {d && d.symbols.length > 0 && (
        <section className="panel" aria-labelledby="heat-symbols">
          <h2 id="heat-symbols">{t("risk.heatmap.symbols")}</h2>
          <p className="muted small">
            {t("risk.heatmap.symbolsHint")}{" "}
            {d.symbolsTotal > d.symbols.length &&
              t("risk.heatmap.symbolsShown", {
                shown: fmt.integer(d.symbols.length),
                total: fmt.integer(d.symbolsTotal),
              })}
          </p>
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

/** The bands in page order with their labels and the colors the margin-level badges use. */
function bandLabels(
  lines: { hardFloor: number; liquidation: number; warning: number; target: number },
  num: (v: number) => string,
  noMargin: string,
): Array<{ band: HeatBand; label: string; color: string }> {
  const cut: Record<HeatBand, [string, number | null]> = {
    HARD_FLOOR: [`< ${num(lines.hardFloor)}`, lines.hardFloor - 1e-9],
    LIQUIDATION: [`< ${num(lines.liquidation)}`, lines.liquidation - 1e-9],
    WARNING: [`< ${num(lines.warning)}`, lines.warning - 1e-9],
    BELOW_TARGET: [`< ${num(lines.target)}`, lines.target - 1e-9],
    TARGET: [`< ${num(lines.target * 2)}`, lines.target * 2 - 1e-9],
    AMPLE: [`≥ ${num(lines.target * 2)}`, lines.target * 2],
    NONE: [noMargin, null],
  };
  return HEAT_BANDS.map((band) => ({ band, label: cut[band][0], color: marginLevelColor(cut[band][1], lines) }));
}

function HeatCellAccounts(props: {
  sector: string;
  band: HeatBand;
  bandLabel: string;
  lines: { hardFloor: number; liquidation: number; warning: number; target: number };
}) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery(trpc.risk.heatmapCell.queryOptions({ sector: props.sector, band: props.band, limit: 100 }));
  return (
    <section className={styles.drill} aria-live="polite" data-testid="heatmap-cell-accounts">
      <h3>{t("risk.heatmap.cellTitle", { sector: props.sector, band: props.bandLabel })}</h3>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.accounts.length === 0 && <p className="muted">{t("risk.heatmap.cellEmpty")}</p>}
      {q.data && q.data.accounts.length > 0 && (
        <>
          <p className="muted small">
            {t("risk.heatmap.cellShown", {
              shown: fmt.integer(q.data.accounts.length),
              total: fmt.integer(q.data.total),
            })}
          </p>
          <div className={styles.cells}>
            {q.data.accounts.map((a) => {
              const label = t("risk.heatmap.cell", {
                code: a.code,
                ml: a.marginLevel === null ? "—" : fmt.number(a.marginLevel, 2),
                status: t(`risk.status.${a.status as RiskStatus}`),
              });
              return (
                <Link
                  key={a.id}
                  href={`/accounts/${encodeURIComponent(a.id)}`}
                  prefetch={false}
                  className={styles.accountChip}
                  style={{ borderColor: marginLevelColor(a.marginLevel, props.lines) }}
                  data-status={a.status}
                  aria-label={label}
                  title={label}
                >
                  {a.code} · {a.marginLevel === null ? "—" : fmt.number(a.marginLevel, 2)}
                </Link>
              );
            })}
          </div>
        </>
      )}
    </section>
  );
}
