"use client";
// The market page of one symbol (M3-M6): candles with alarm markers, indicator panes, the
// indicators at the last close, the rules' active actions and the symbol's alerts.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useCallback, useMemo, useState } from "react";
import type { Bar } from "@/server/market/types";
import { IntervalChartPanel } from "../charts/interval-chart-panel";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { Fact } from "../ui/fact";
import { ActionsList } from "./actions-list";
import { AlertsTable } from "./alerts-table";
import { IndicatorPanes } from "./indicator-panes";
import styles from "./market.module.css";
import { useLiveAlerts } from "./use-live-alerts";

export function SymbolView({ symbol, canAck, canManage }: { symbol: string; canAck: boolean; canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  useLiveAlerts();
  const symbols = useQuery({ ...trpc.market.symbols.queryOptions(), staleTime: 300_000 });
  const spec = symbols.data?.find((s) => s.code === symbol);
  const bars1m = useQuery({
    ...trpc.market.intervalBars.queryOptions({ symbol, interval: "1m", limit: 240 }),
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
  const alerts = useQuery(trpc.monitoring.alerts.queryOptions({ symbol, status: "all", limit: 100 }));
  const indicators = useQuery(trpc.monitoring.indicators.queryOptions({ symbols: [symbol] }));
  const [closed, setClosed] = useState<Bar[]>([]);
  const onClosedBar = useCallback(
    (bar: Bar) => {
      setClosed((xs) => [...xs.filter((b) => b.ts !== bar.ts), bar].slice(-240));
      void queryClient.invalidateQueries({ queryKey: trpc.monitoring.indicators.queryKey({ symbols: [symbol] }) });
    },
    [queryClient, trpc, symbol],
  );
  const paneBars = useMemo(() => {
    const base = bars1m.data ?? [];
    const last = base[base.length - 1]?.ts ?? 0;
    return [...base, ...closed.filter((b) => b.ts > last)];
  }, [bars1m.data, closed]);
  const snap = indicators.data?.[0]?.snapshot ?? null;
  const pct = (v: number | null | undefined) => (v === null || v === undefined ? "–" : fmt.percent(v));
  const vol = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${fmt.number(v * 100, 3)}%`);
  const num = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? "–" : fmt.number(v, d));

  if (symbols.isSuccess && !spec)
    return (
      <p role="alert" className="form-error">
        {t("errors.notFound")}
      </p>
    );
  return (
    <div className="stack">
      <div className="desk-toolbar">
        <Link href="/market" className="btn btn-ghost">
          ← {t("market.symbol.back")}
        </Link>
        <h1>{symbol}</h1>
        {spec && (
          <span className="muted">
            {spec.name} · {spec.sector} · {t(`boards.${spec.board}`)}
          </span>
        )}
        <Link href={`/accounts?symbol=${encodeURIComponent(symbol)}`}>{t("market.symbol.accounts")}</Link>
      </div>
      <div className={styles.layout}>
        <div className="stack">
          <IntervalChartPanel
            testId="symbol-chart"
            symbol={symbol}
            prevClose={spec?.prevClose ?? 0}
            alerts={alerts.data ?? []}
            onClosedBar={onClosedBar}
          />
          <IndicatorPanes bars={paneBars} />
        </div>
        <div className="stack">
          <section className="panel" aria-labelledby="snap-title">
            <div className="panel-head">
              <h2 id="snap-title">{t("market.symbol.snapshot")}</h2>
            </div>
            {indicators.isError && (
              <p role="alert" className="form-error">
                {indicators.error.message}
              </p>
            )}
            <dl className="facts" data-testid="indicator-snapshot">
              <Fact label={t("market.overview.sigma")}>{vol(snap?.sigma)}</Fact>
              <Fact label={t("market.symbol.realized")}>{vol(snap?.realized)}</Fact>
              <Fact label={t("market.symbol.parkinson")}>{vol(snap?.parkinson)}</Fact>
              <Fact label={t("market.symbol.volumeZ")}>{num(snap?.volumeZ, 1)}</Fact>
              <Fact label={t("market.overview.spreadRatio")}>{num(snap?.spreadRatio, 1)}</Fact>
              <Fact label={t("market.symbol.trend5")}>{pct(snap?.trend5)}</Fact>
              <Fact label={t("market.symbol.trend15")}>{pct(snap?.trend15)}</Fact>
              <Fact label={t("market.symbol.emaSlope5")}>
                {snap?.emaSlope5 != null ? t("deskux.evidence.bp", { v: fmt.number(snap.emaSlope5, 1) }) : "–"}
              </Fact>
              <Fact label={t("market.symbol.runLength")}>{snap?.runLength ?? "–"}</Fact>
            </dl>
          </section>
          <section className="panel" aria-labelledby="actions-title">
            <div className="panel-head">
              <h2 id="actions-title">{t("market.symbol.overrides")}</h2>
            </div>
            <ActionsList symbol={symbol} canManage={canManage} />
          </section>
        </div>
      </div>
      <section className="panel" aria-labelledby="symbol-alerts-title">
        <div className="panel-head">
          <h2 id="symbol-alerts-title">{t("market.alerts.title")}</h2>
        </div>
        <AlertsTable symbol={symbol} canAck={canAck} />
      </section>
    </div>
  );
}
