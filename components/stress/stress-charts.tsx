"use client";
// Stress run charts (lightweight-charts): accounts per margin-level band (worst step and end, side by
// side), liquidation notional per minute of the run, and the loss each waterfall layer absorbs.
// lightweight-charts is a time chart: categorical charts put their categories on consecutive
// placeholder days labelled with the category; the minute chart uses one placeholder minute per run minute.
import { createChart, HistogramSeries, type Time, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";

const DAY_S = 86_400;
const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z, a placeholder origin

const baseOptions = (locale: string, labelOf: (t: Time) => string, format: (v: number) => string) => ({
  autoSize: true,
  layout: { background: { color: "#10151c" }, textColor: "#8b97a6", fontFamily: "inherit", fontSize: 11 },
  grid: { vertLines: { visible: false }, horzLines: { color: "#1d2530" } },
  timeScale: { borderColor: "#2a3441", tickMarkFormatter: labelOf, fixLeftEdge: true, fixRightEdge: true },
  rightPriceScale: { borderColor: "#2a3441" },
  localization: { locale, timeFormatter: labelOf, priceFormatter: format },
  handleScroll: false,
  handleScale: false,
});

/** Bars per category; several series are drawn in adjacent slots (category i, series j -> slot i * (k + 1) + j). */
export function CategoryChart(props: {
  locale: string;
  labels: string[];
  series: Array<{ name: string; color: string; values: number[] }>;
  format: (v: number) => string;
  label: string;
  testId: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const { locale, labels, series, format } = props;
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const k = series.length;
    const slot = (i: number, j: number) => i * (k + 1) + j;
    const labelOf = (t: Time) => {
      const s = Math.round((Number(t) - T0) / DAY_S);
      const i = Math.floor(s / (k + 1));
      const j = s % (k + 1);
      return j < k ? `${labels[i] ?? ""}${k > 1 ? ` · ${series[j]?.name ?? ""}` : ""}` : "";
    };
    const c = createChart(node, baseOptions(locale, labelOf, format));
    series.forEach((s, j) => {
      c.addSeries(HistogramSeries, { color: s.color, priceLineVisible: false, lastValueVisible: false }).setData(
        labels.map((_, i) => ({ time: (T0 + slot(i, j) * DAY_S) as UTCTimestamp, value: s.values[i] ?? 0 })),
      );
    });
    c.timeScale().fitContent();
    return () => c.remove();
  }, [locale, labels, series, format]);
  return <div ref={el} role="figure" aria-label={props.label} style={{ height: 240 }} data-testid={props.testId} />;
}

/** Liquidation notional per minute of the run ([minute, CNY] pairs, minutes with fills only). */
export function MinuteChart(props: {
  locale: string;
  points: Array<[number, number]>;
  format: (v: number) => string;
  minuteLabel: (m: number) => string;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const { locale, points, format, minuteLabel } = props;
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const labelOf = (t: Time) => minuteLabel(Math.round((Number(t) - T0) / 60));
    const c = createChart(node, baseOptions(locale, labelOf, format));
    c.addSeries(HistogramSeries, { color: "#d04f4f", priceLineVisible: false }).setData(
      points.map(([m, v]) => ({ time: (T0 + m * 60) as UTCTimestamp, value: v })),
    );
    c.timeScale().fitContent();
    return () => c.remove();
  }, [locale, points, format, minuteLabel]);
  return (
    <div
      ref={el}
      role="figure"
      aria-label={props.label}
      style={{ height: 240 }}
      data-testid="stress-liquidation-chart"
    />
  );
}
