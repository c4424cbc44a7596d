"use client";
// M4 indicator panes for a symbol: EWMA volatility (computed from the bars' closes with the same
// pure function the server uses), spread, top-5 depth and bid/ask imbalance.
import { useMemo } from "react";
import { EwmaVariance } from "@/server/market/indicators/volatility";
import type { Bar } from "@/server/market/types";
import { LinePane } from "../charts/line-pane";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./market.module.css";

export function IndicatorPanes({ bars }: { bars: Bar[] }) {
  const { t, fmt, locale } = useI18n();
  const series = useMemo(() => {
    const ewma = new EwmaVariance(0.94);
    const vol: Array<{ ts: number; value: number }> = [];
    for (let i = 1; i < bars.length; i++) {
      const prev = bars[i - 1];
      const cur = bars[i];
      if (!prev || !cur || !(prev.close > 0 && cur.close > 0)) continue;
      vol.push({ ts: cur.ts, value: Math.sqrt(ewma.update(Math.log(cur.close / prev.close))) * 100 });
    }
    return {
      vol,
      spread: bars.map((b) => ({ ts: b.ts, value: b.spreadBps })),
      depth: bars.map((b) => ({ ts: b.ts, value: b.bidDepth + b.askDepth })),
      imbalance: bars.map((b) => ({ ts: b.ts, value: b.imbalance })),
    };
  }, [bars]);
  const panes = [
    {
      key: "vol",
      label: t("market.symbol.volatility"),
      points: series.vol,
      color: "#f5a623",
      format: (v: number) => `${v.toFixed(3)}%`,
    },
    {
      key: "spread",
      label: t("market.symbol.spread"),
      points: series.spread,
      color: "#7aa2f7",
      format: (v: number) => fmt.number(v, 1),
    },
    {
      key: "depth",
      label: t("market.symbol.depth"),
      points: series.depth,
      color: "#9ece6a",
      format: (v: number) => fmt.integer(v),
    },
    {
      key: "imbalance",
      label: t("market.symbol.imbalance"),
      points: series.imbalance,
      color: "#bb9af7",
      format: (v: number) => fmt.number(v, 2),
      kind: "histogram" as const,
    },
  ];
  return (
    <section className="panel" aria-labelledby="indicators-title">
      <div className="panel-head">
        <h2 id="indicators-title">{t("market.symbol.indicators")}</h2>
      </div>
      <div className={styles.panes}>
        {panes.map((p) => (
          <div key={p.key}>
            <p className={styles.paneTitle}>{p.label}</p>
            <LinePane
              locale={locale}
              label={p.label}
              points={p.points}
              color={p.color}
              format={p.format}
              kind={p.kind}
              className={styles.pane}
            />
          </div>
        ))}
      </div>
    </section>
  );
}
