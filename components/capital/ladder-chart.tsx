"use client";
// C2 maturity ladder as a chart (lightweight-charts): one slot per bucket, lending due as green bars,
// funding due as red bars below zero, the cumulative gap as a line. lightweight-charts is a time
// chart, so the five buckets sit on five consecutive placeholder days labelled with bucket names.
import { createChart, HistogramSeries, LineSeries, type Time, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";

export interface LadderPoint {
  label: string;
  lending: number;
  funding: number;
  cumulativeGap: number;
}

const DAY_S = 86_400;
const T0 = 1_767_225_600; // 2026-01-01T00:00:00Z: a placeholder origin for the bucket slots

export function LadderChart(props: {
  locale: string;
  points: LadderPoint[];
  format: (v: number) => string;
  label: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  const { locale, points, format } = props;
  useEffect(() => {
    const node = el.current;
    if (!node) return;
    const labelOf = (t: Time) => points[Math.round((Number(t) - T0) / DAY_S)]?.label ?? "";
    const c = createChart(node, {
      autoSize: true,
      layout: { background: { color: "#10151c" }, textColor: "#8b97a6", fontFamily: "inherit", fontSize: 11 },
      grid: { vertLines: { visible: false }, horzLines: { color: "#1d2530" } },
      timeScale: { borderColor: "#2a3441", tickMarkFormatter: labelOf, fixLeftEdge: true, fixRightEdge: true },
      rightPriceScale: { borderColor: "#2a3441" },
      localization: { locale, timeFormatter: labelOf, priceFormatter: format },
      handleScroll: false,
      handleScale: false,
    });
    const time = (i: number) => (T0 + i * DAY_S) as UTCTimestamp;
    c.addSeries(HistogramSeries, { color: "#2e9e6b", priceLineVisible: false }).setData(
      points.map((p, i) => ({ time: time(i), value: p.lending })),
    );
    c.addSeries(HistogramSeries, { color: "#d04f4f", priceLineVisible: false }).setData(
      points.map((p, i) => ({ time: time(i), value: -p.funding })),
    );
    c.addSeries(LineSeries, { color: "#e0b84c", lineWidth: 2, priceLineVisible: false }).setData(
      points.map((p, i) => ({ time: time(i), value: p.cumulativeGap })),
    );
    c.timeScale().fitContent();
    return () => c.remove();
  }, [locale, points, format]);
  return <div ref={el} role="figure" aria-label={props.label} style={{ height: 260 }} data-testid="ladder-chart" />;
}
