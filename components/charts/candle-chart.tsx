"use client";
// A lightweight-charts candlestick + volume chart. Times are bar starts in epoch seconds (UTC)
// and are labelled in Asia/Shanghai. Up/down colours follow the user's setting (chart-format.ts);
// the volume axis is labelled with units; bars fill the width when there are few of them.
import {
  CandlestickSeries,
  createChart,
  createSeriesMarkers,
  type ISeriesMarkersPluginApi,
  HistogramSeries,
  type IChartApi,
  type ISeriesApi,
  type Time,
  type UTCTimestamp,
} from "lightweight-charts";
import { useEffect, useRef } from "react";
import type { Bar } from "@/server/market/types";
import { DISPLAY_TIME_ZONE } from "../i18n/config";
import { candleColors, compactVolume, type UpColor } from "./chart-format";

/** Below this many bars the chart fits them to its width instead of scrolling to the latest. */
const FIT_BELOW = 120;

function toSeconds(ts: number): UTCTimestamp {
  return Math.floor(ts / 1000) as UTCTimestamp;
}

function candle(b: Bar) {
  return { time: toSeconds(b.ts), open: b.open, high: b.high, low: b.low, close: b.close };
}
function volume(b: Bar, colors: { up: string; down: string }) {
  return { time: toSeconds(b.ts), value: b.volume, color: b.close >= b.open ? `${colors.up}80` : `${colors.down}80` };
}

interface Props {
  locale: string;
  label: string;
  /** History (backfill), oldest first; replaces the chart's data when it changes. */
  history: Bar[] | undefined;
  /** The latest live bar (forming or just closed): added or updated in place. */
  live: Bar | null;
  /** Detector alarm markers (M5), at bar starts (epoch ms). */
  markers?: ChartMarker[];
  /** Red-up (China) or green-up (West). */
  upColor: UpColor;
  testId?: string;
}

export interface ChartMarker {
  ts: number;
  text: string;
  color: string;
  below?: boolean;
}

export function CandleChart({ locale, label, history, live, markers, upColor, testId }: Props) {
  const container = useRef<HTMLDivElement>(null);
  const chart = useRef<IChartApi | null>(null);
  const candles = useRef<ISeriesApi<"Candlestick"> | null>(null);
  const volumes = useRef<ISeriesApi<"Histogram"> | null>(null);
  const lastTime = useRef<number>(0);
  const markerApi = useRef<ISeriesMarkersPluginApi<Time> | null>(null);

  useEffect(() => {
    const el = container.current;
    if (!el) return;
    const timeFmt = new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const fullFmt = new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
    });
    const { up, down } = candleColors(upColor);
    const c = createChart(el, {
      autoSize: true,
      layout: { background: { color: "#10151c" }, textColor: "#c7d0db", fontFamily: "inherit" },
      grid: { vertLines: { color: "#1d2530" }, horzLines: { color: "#1d2530" } },
      timeScale: {
        timeVisible: true,
        secondsVisible: false,
        borderColor: "#2a3441",
        rightOffset: 3,
        tickMarkFormatter: (t: Time) => timeFmt.format(Number(t) * 1000),
      },
      rightPriceScale: { borderColor: "#2a3441" },
      localization: {
        locale,
        timeFormatter: (t: Time) => fullFmt.format(Number(t) * 1000),
        // No chart-wide priceFormatter: it would override the volume series' own (unit) formatter.
      },
    });
    candles.current = c.addSeries(CandlestickSeries, {
      upColor: up,
      downColor: down,
      borderUpColor: up,
      borderDownColor: down,
      wickUpColor: up,
      wickDownColor: down,
      priceFormat: { type: "price", precision: 2, minMove: 0.01 },
    });
    volumes.current = c.addSeries(HistogramSeries, {
      priceScaleId: "volume",
      priceFormat: { type: "custom", formatter: (v: number) => compactVolume(v, locale), minMove: 1 },
    });
    c.priceScale("volume").applyOptions({ scaleMargins: { top: 0.8, bottom: 0 } });
    // Room above and below the candles for the alarm markers, so none is cut off at the edges.
    candles.current.priceScale().applyOptions({ scaleMargins: { top: 0.14, bottom: 0.28 } });
    markerApi.current = createSeriesMarkers(candles.current, []);
    chart.current = c;
    return () => {
      markerApi.current = null;
      c.remove();
      chart.current = null;
      candles.current = null;
      volumes.current = null;
    };
  }, [locale, upColor]);

  useEffect(() => {
    if (!history) return;
    candles.current?.setData(history.map(candle));
    volumes.current?.setData(history.map((b) => volume(b, candleColors(upColor))));
    lastTime.current = history.length > 0 ? toSeconds(history[history.length - 1]?.ts ?? 0) : 0;
    if (history.length < FIT_BELOW) chart.current?.timeScale().fitContent();
    else chart.current?.timeScale().scrollToRealTime();
  }, [history, locale, upColor]);

  useEffect(() => {
    if (!live || !history) return;
    const t = toSeconds(live.ts);
    if (t < lastTime.current) return; // lightweight-charts cannot update older bars
    candles.current?.update(candle(live));
    volumes.current?.update(volume(live, candleColors(upColor)));
    lastTime.current = t;
  }, [live, history, locale, upColor]);

  useEffect(() => {
    if (!history) return;
    const list = [...(markers ?? [])].sort((a, b) => a.ts - b.ts);
    markerApi.current?.setMarkers(
      list.map((m) => ({
        time: toSeconds(m.ts),
        position: m.below ? ("belowBar" as const) : ("aboveBar" as const),
        color: m.color,
        shape: m.below ? ("arrowUp" as const) : ("arrowDown" as const),
        text: m.text,
      })),
    );
  }, [markers, history, locale, upColor]);

  return (
    <div
      ref={container}
      className="chart"
      role="figure"
      aria-label={label}
      data-testid={testId}
      data-markers={markers?.length ?? 0}
      data-up-color={upColor}
    />
  );
}
