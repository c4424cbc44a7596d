"use client";
// The desk's live one-minute chart: history backfilled from the database, then the forming bar
// and each closed bar pushed over SSE (tRPC subscription), without reloading.
import { useQuery } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { Bar } from "@/server/market/types";
import { CandleChart } from "../charts/candle-chart";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { BarFacts } from "./bar-facts";

export function LiveChartPanel({ symbol, prevClose }: { symbol: string; prevClose: number }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const history = useQuery({
    ...trpc.market.bars.queryOptions({ symbol, limit: 240 }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const [live, setLive] = useState<{ symbol: string; bar: Bar } | null>(null);
  const sub = useSubscription(
    trpc.market.onBar.subscriptionOptions(
      { symbol },
      {
        enabled: history.isSuccess,
        onData: (event) => setLive({ symbol, bar: event.data.bar }),
      },
    ),
  );
  const liveBar = live?.symbol === symbol ? live.bar : null;
  const latest = liveBar ?? history.data?.[history.data.length - 1] ?? null;
  const status =
    sub.status === "pending" && history.isSuccess
      ? "live"
      : sub.status === "connecting"
        ? "connecting"
        : sub.status === "error"
          ? "error"
          : sub.status;

  return (
    <section className="panel chart-panel" aria-labelledby="chart-title">
      <div className="panel-head">
        <h2 id="chart-title">
          {symbol} · {t("desk.chart")}
        </h2>
        <span className={`live-dot ${status}`} data-testid="stream-status" data-status={status}>
          {status === "live" ? t("desk.live") : status === "error" ? t("desk.reconnecting") : t("desk.connecting")}
        </span>
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
      <CandleChart locale={locale} label={`${symbol} ${t("desk.chart")}`} history={history.data} live={liveBar} />
      {latest && <BarFacts bar={latest} prevClose={prevClose} />}
    </section>
  );
}
