"use client";
// The one interval chart panel of the desk and the symbol page: 1m / 5m / 15m candlesticks with
// volume, backfilled then live over SSE, the detectors' alarms as markers at their bars, colours
// from the user's setting.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useMemo, useState } from "react";
import type { AlertDto } from "@/server/market/monitoring/alert-store";
import type { Bar } from "@/server/market/types";
import { BarFacts } from "../desk/bar-facts";
import { useI18n } from "../i18n/i18n-provider";
import { useErrorText } from "../i18n/use-error-text";
import styles from "../market/market.module.css";
import { useTRPC } from "../trpc/react";
import { alertMarkers, INTERVALS, type Interval } from "./alert-markers";
import { CandleChart } from "./candle-chart";
import { useUpColor } from "./use-up-color";

export function IntervalChartPanel({
  symbol,
  prevClose,
  alerts,
  onClosedBar,
  testId,
}: {
  symbol: string;
  prevClose: number;
  alerts: readonly AlertDto[];
  onClosedBar?: (bar: Bar) => void;
  testId?: string;
}) {
  const upColor = useUpColor();
  const { t, locale } = useI18n();
  const errText = useErrorText();
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
            onClosedBar?.(bar);
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
  const markers = useMemo(() => alertMarkers(alerts, interval), [alerts, interval]);
  const liveBar = interval === "1m" && live && live.symbol === symbol ? live : null;
  const latest = liveBar ?? history.data?.[history.data.length - 1] ?? null;
  const status =
    sub.status === "pending" && history.isSuccess ? "live" : sub.status === "error" ? "error" : "connecting";
  const label = t("deskux.chart", { interval: t(`deskux.interval.${interval}`) });

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <div className="panel-head">
        <h2 id="chart-title">
          {symbol} · {label}
        </h2>
        <div className={styles.row}>
          <div className={styles.tabs} role="group" aria-label={t("deskux.intervalGroup")}>
            {INTERVALS.map((i) => (
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
          {errText(history.error)}{" "}
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
        upColor={upColor}
        testId={testId}
      />
      <p className="muted small" data-testid="marker-count" data-count={markers.length}>
        {t("deskux.markers", { n: markers.length })}
      </p>
      {latest && <BarFacts bar={latest} prevClose={prevClose} />}
    </section>
  );
}
