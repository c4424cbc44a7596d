"use client";
// Equity (left scale) and margin level (right scale) per recorded bar close, replayed from the
// tick records (A2). lightweight-charts line series; times labelled in Asia/Shanghai.
import { createChart, LineSeries, type Time, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { DISPLAY_TIME_ZONE } from "../i18n/config";
import styles from "../risk/risk.module.css";

interface Point {
  ts: number;
  equity: number;
  marginLevel: number | null;
}

export function AccountHistoryChart({
  points,
  locale,
  label,
  equityLabel,
  mlLabel,
}: {
  points: Point[];
  locale: string;
  label: string;
  equityLabel: string;
  mlLabel: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const fmt = new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const chart = createChart(node, {
      autoSize: true,
      layout: { background: { color: "#10151c" }, textColor: "#c7d0db", fontFamily: "inherit" },
      grid: { vertLines: { color: "#1d2530" }, horzLines: { color: "#1d2530" } },
      leftPriceScale: { visible: true, borderColor: "#2a3441" },
      rightPriceScale: { visible: true, borderColor: "#2a3441" },
      timeScale: {
        timeVisible: true,
        borderColor: "#2a3441",
        tickMarkFormatter: (t: Time) => fmt.format(Number(t) * 1000),
      },
      localization: { locale, timeFormatter: (t: Time) => fmt.format(Number(t) * 1000) },
    });
    const equity = chart.addSeries(LineSeries, {
      color: "#4ea1ff",
      lineWidth: 2,
      priceScaleId: "left",
      title: equityLabel,
      priceFormat: { type: "price", precision: 0, minMove: 1 },
    });
    const ml = chart.addSeries(LineSeries, {
      color: "#e5a93b",
      lineWidth: 2,
      priceScaleId: "right",
      title: mlLabel,
      priceFormat: { type: "price", precision: 3, minMove: 0.001 },
    });
    const time = (ts: number) => Math.floor(ts / 1000) as UTCTimestamp;
    equity.setData(points.map((p) => ({ time: time(p.ts), value: p.equity })));
    ml.setData(
      points.filter((p) => p.marginLevel !== null).map((p) => ({ time: time(p.ts), value: p.marginLevel ?? 0 })),
    );
    chart.timeScale().fitContent();
    return () => chart.remove();
  }, [points, locale, equityLabel, mlLabel]);
  return <div ref={el} className={styles.chart} role="figure" aria-label={label} />;
}
