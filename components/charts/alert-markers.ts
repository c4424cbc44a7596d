// Detector alarms as chart markers: one per bar bucket and kind, coloured by severity.
import type { AlertDto } from "@/server/market/monitoring/alert-store";
import type { ChartMarker } from "./candle-chart";

export type Interval = "1m" | "5m" | "15m";
export const INTERVALS: readonly Interval[] = ["1m", "5m", "15m"];
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

export function alertMarkers(alerts: readonly Pick<AlertDto, "ts" | "kind" | "severity">[], interval: Interval) {
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
}
