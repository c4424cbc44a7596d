"use client";
// A small indicator pane (lightweight-charts line or histogram) under the candle chart: one series
// of {ts, value} points, times labelled in Asia/Shanghai.
import {
  createChart,
  HistogramSeries,
  LineSeries,
  type IChartApi,
  type ISeriesApi,
  type Time,
  type UTCTimestamp,
} from "lightweight-charts";
import { useEffect, useRef } from "react";
import { DISPLAY_TIME_ZONE } from "../i18n/config";

interface Props {
  locale: string;
  label: string;
  points: Array<{ ts: number; value: number }>;
  color: string;
  kind?: "line" | "histogram";
  format: (v: number) => string;
  className?: string;
}

export function LinePane({ locale, label, points, color, kind = "line", format, className }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<ISeriesApi<"Line"> | ISeriesApi<"Histogram"> | null>(null);
  const chart = useRef<IChartApi | null>(null);
  const formatRef = useRef(format);
  useEffect(() => {
    formatRef.current = format;
  }, [format]);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const timeFmt = new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const c = createChart(el, {
      autoSize: true,
      layout: { background: { color: "#10151c" }, textColor: "#8b97a6", fontFamily: "inherit", fontSize: 10 },
      grid: { vertLines: { visible: false }, horzLines: { color: "#1d2530" } },
      timeScale: {
        timeVisible: true,
        secondsVisible: false,
        borderColor: "#2a3441",
        tickMarkFormatter: (t: Time) => timeFmt.format(Number(t) * 1000),
      },
      rightPriceScale: { borderColor: "#2a3441" },
      localization: {
        locale,
        timeFormatter: (t: Time) => timeFmt.format(Number(t) * 1000),
        priceFormatter: (p: number) => formatRef.current(p),
      },
      handleScroll: false,
      handleScale: false,
    });
    series.current =
      kind === "histogram"
        ? c.addSeries(HistogramSeries, { color })
        : c.addSeries(LineSeries, { color, lineWidth: 2, priceLineVisible: false });
    chart.current = c;
    return () => {
      c.remove();
      series.current = null;
      chart.current = null;
    };
  }, [locale, color, kind]);

  useEffect(() => {
    const data = points
      .filter((p) => Number.isFinite(p.value))
      .map((p) => ({
        time: Math.floor(p.ts / 1000) as UTCTimestamp,
        value: p.value,
        ...(kind === "histogram" ? { color: p.value >= 0 ? "#e5484d99" : "#30a46c99" } : {}),
      }));
    series.current?.setData(data);
    chart.current?.timeScale().fitContent();
  }, [points, kind, locale, color]);

  return <div ref={container} className={className} role="figure" aria-label={label} />;
}
