// One SymbolMonitor per symbol: the minute-close hook feeds it the closed bars (M4, M5), and it
// serves the EWMA sigma to the margin model (services.volatility, R2).
import type { VolatilitySource } from "../../risk/ports";
import type { Bar } from "../types";
import {
  DEFAULT_MONITOR_PARAMS,
  SymbolMonitor,
  type Alarm,
  type IndicatorSnapshot,
  type MonitorParams,
} from "./symbol-monitor";

export class MonitorBook implements VolatilitySource {
  private readonly monitors = new Map<string, SymbolMonitor>();
  constructor(private readonly params: MonitorParams = DEFAULT_MONITOR_PARAMS) {}

  private monitorFor(symbol: string): SymbolMonitor {
    let m = this.monitors.get(symbol);
    if (!m) {
      m = new SymbolMonitor(symbol, this.params);
      this.monitors.set(symbol, m);
    }
    return m;
  }

  /** Updates every symbol's indicators and detectors with its closed bar; returns the alarms. */
  processBars(bars: readonly Bar[]): Alarm[] {
    const alarms: Alarm[] = [];
    for (const bar of bars) {
      for (const a of this.monitorFor(bar.symbol).update(bar)) alarms.push(a);
    }
    return alarms;
  }

  /** Replays stored history (oldest first) without raising alerts: detectors start warm. */
  warmUp(bars: readonly Bar[]): void {
    this.processBars(bars);
  }

  sigma(symbol: string): number | undefined {
    return this.monitors.get(symbol)?.sigma();
  }

  snapshot(symbol: string): IndicatorSnapshot | null {
    return this.monitors.get(symbol)?.latest ?? null;
  }

  size(): number {
    return this.monitors.size;
  }
}
