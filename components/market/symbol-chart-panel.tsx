"use client";
// M3/M5 chart of one symbol: 1m / 5m / 15m candlesticks with volume, backfilled then live over
// SSE, and the detectors' alarms as markers at their bars.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useMemo, useState } from "react";
import type { AlertDto } from "@/server/market/monitoring/alert-store";
import type { Bar } from "@/server/market/types";
import { CandleChart, type ChartMarker } from "../charts/candle-chart";
import { BarFacts } from "../desk/bar-facts";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./market.module.css";

type Interval = "1m" | "5m" | "15m";
const MINUTES: Record<Interval, number> = { "1m": 1, "5m": 5, "15m": 15 };
const SHORT: Record<string, string> = {
  CUSUM_UP: "CUSUM▲",
  CUSUM_DOWN: "CUSUM▼",
  CUSUM_VAR: "CUSUM σ",
  CHANGE_POINT: "CP",
  VOL_SPIKE: "σ↑",
  DEPTH_DROP: "depth↓",
  SPREAD_WIDE: "spread↑",
  IMBALANCE: "imb",
  VOLUME_SPIKE: "vol↑",
};
const COLOR: Record<string, string> = { CRITICAL: "#ff5c63", WARNING: "#f5a623", INFO: "#7aa2f7" };

export function SymbolChartPanel({
  symbol,
  prevClose,
  alerts,
  onClosedBar,
}: {
  symbol: string;
  prevClose: number;
  alerts: AlertDto[];
  onClosedBar: (bar: Bar) => void;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [interval, setInterval] = useState<Interval>("1m");
  const history = useQuery({
    ...trpc.market.intervalBars.queryOptions({ symbol, interval, limit: 240 }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [live, setLive] = useState<Bar | null>(null);
  const sub = useSubscription(
    trpc.market.onBar.subscriptionOptions(
      { symbol },
      {
        enabled: history.isSuccess,
        onData: (event) => {
          const { kind, bar } = event.data;
          if (kind === "closed") {
            onClosedBar(bar);
            if (interval !== "1m")
              void queryClient.invalidateQueries({
                queryKey: trpc.market.intervalBars.queryKey({ symbol, interval, limit: 240 }),
              });
          }
          if (interval === "1m") setLive(bar);
        },
      },
    ),
  );
  const markers = useMemo<ChartMarker[]>(() => {
    const bucket = MINUTES[interval] * 60_000;
    const seen = new Set<string>();
    const out: ChartMarker[] = [];
    for (const a of alerts) {
      const ts = Math.floor(a.ts / bucket) * bucket;
      const key = `${ts}|${a.kind}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push({
        ts,
        text: SHORT[a.kind] ?? a.kind,
        color: COLOR[a.severity] ?? "#f5a623",
        below: a.kind === "CUSUM_UP",
      });
    }
    return out;
  }, [alerts, interval]);
  const liveBar = interval === "1m" && live && live.symbol === symbol ? live : null;
  const latest = liveBar ?? history.data?.[history.data.length - 1] ?? null;
  const status =
    sub.status === "pending" && history.isSuccess ? "live" : sub.status === "error" ? "error" : "connecting";
  const label = t("market.symbol.chart", { interval });

  return (
    <section className="panel chart-panel" aria-labelledby="symbol-chart-title">
      <div className="panel-head">
        <h2 id="symbol-chart-title">
          {symbol} · {label}
        </h2>
        <div className={styles.row}>
          <div className={styles.tabs} role="group" aria-label={t("market.symbol.interval")}>
            {(["1m", "5m", "15m"] as const).map((i) => (
              <button
                key={i}
                type="button"
                className={`btn ${interval === i ? styles.tabActive : ""}`}
                aria-pressed={interval === i}
                onClick={() => setInterval(i)}
              >
                {i}
              </button>
            ))}
          </div>
          <span className={`live-dot ${status}`} data-testid="stream-status" data-status={status}>
            {status === "live" ? t("desk.live") : status === "error" ? t("desk.reconnecting") : t("desk.connecting")}
          </span>
        </div>
      </div>
      {history.isPending && <p className="muted">{t("common.loading")}</p>}
      {history.isError && (
        <p role="alert" className="form-error">
          {history.error.message}{" "}
          <button type="button" className="btn btn-ghost" onClick={() => void history.refetch()}>
            {t("common.retry")}
          </button>
        </p>
      )}
      {history.isSuccess && history.data.length === 0 && !liveBar && <p className="muted">{t("desk.noBars")}</p>}
      <CandleChart
        key={interval}
        locale={locale}
        label={`${symbol} ${label}`}
        history={history.data}
        live={liveBar}
        markers={markers}
        testId="symbol-chart"
      />
      <p className="muted small" data-testid="marker-count" data-count={markers.length}>
        {t("market.symbol.markers", { n: markers.length })}
      </p>
      {latest && <BarFacts bar={latest} prevClose={prevClose} />}
    </section>
  );
}
