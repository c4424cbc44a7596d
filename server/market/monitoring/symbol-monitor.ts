// Streaming indicators (M4) and detectors (M5) of one symbol, updated once per closed 1m bar in
// O(window + R). The minute-close hook keeps one per symbol (monitor-book.ts).
import { Bocpd, DEFAULT_HAZARD } from "../detectors/bocpd";
import { Cusum, standardizeSquared, type CusumDirection } from "../detectors/cusum";
import {
  checkThresholds,
  DEFAULT_THRESHOLDS,
  type ThresholdAlarm,
  type ThresholdParams,
} from "../detectors/thresholds";
import { EwmaVariance } from "../indicators/volatility";
import { Ring } from "../indicators/statistics";
import type { Bar } from "../types";

export type AlarmKind = ThresholdAlarm | "CUSUM_UP" | "CUSUM_DOWN" | "CUSUM_VAR" | "CHANGE_POINT";
export type Severity = "INFO" | "WARNING" | "CRITICAL";

export interface MonitorParams {
  lambda: number;
  window: number; // realized vol, volume z, spread median, Parkinson
  cusumK: number;
  cusumH: number;
  /** The squared statistic is chi-square(1), heavily skewed, and real returns are fat-tailed: with
   * |z| capped at 4, k = 1, h = 12 the in-control ARL is ~38,000 bars for normal and ~1,500 for
   * Student-t(5) returns (simulated), and a doubling of the sd is found in ~14 bars. */
  cusumVarK: number;
  cusumVarH: number;
  hazard: number;
  maxRunLength: number;
  warmup: number; // returns before detectors may alarm
  thresholds: ThresholdParams;
}

export const DEFAULT_MONITOR_PARAMS: MonitorParams = {
  lambda: 0.94,
  window: 30,
  // Live defaults for a few hundred symbols at once: h = 8 (two-sided ARL0 ~10,000 bars for normal
  // returns, ~2,300 for t(5)) keeps the desk's false alarms to a few per hour; a crash (|z| >> h)
  // still alarms on its own bar. The published-table settings (h = 4, 5) are in cusum.test.ts.
  cusumK: 0.5,
  cusumH: 8,
  cusumVarK: 1,
  cusumVarH: 12,
  hazard: DEFAULT_HAZARD,
  maxRunLength: 60, // an hour of minutes: enough to see a run of >= 20 collapse; keeps the hook O(60) per symbol
  warmup: 30,
  thresholds: DEFAULT_THRESHOLDS,
};

export interface IndicatorSnapshot {
  symbol: string;
  ts: number;
  close: number;
  ret: number | null; // 1m log return
  z: number | null; // return / previous EWMA sigma
  sigma: number | null; // EWMA sigma, per minute
  realized: number | null; // rolling 30 sample std of returns
  parkinson: number | null;
  volume: number;
  volumeZ: number | null;
  spreadBps: number;
  spreadRatio: number | null; // spread / median of the previous 30 minutes
  depth: number;
  imbalance: number;
  trend5: number | null; // 5-minute log return
  trend15: number | null;
  emaSlope5: number | null; // change of the 5-bar EMA of closes, in bps per minute
  emaSlope15: number | null;
  runLength: number | null; // BOCPD most probable run length
}

export interface Alarm {
  symbol: string;
  ts: number;
  kind: AlarmKind;
  severity: Severity;
  evidence: Record<string, number | string | null>;
}

const ema = (prev: number, x: number, span: number) => (Number.isNaN(prev) ? x : prev + (2 / (span + 1)) * (x - prev));
// The snapshot keeps raw figures (this runs for every symbol every minute); evidence is rounded.
const fin = (x: number) => (Number.isFinite(x) ? x : null);
const round = (x: number, digits = 6) => (Number.isFinite(x) ? Number(x.toPrecision(digits)) : null);

export class SymbolMonitor {
  private lastClose = NaN;
  private readonly ewma: EwmaVariance;
  private readonly returns: Ring;
  private readonly hl2: Ring;
  private readonly volumes: Ring;
  private readonly spreads: Ring;
  private readonly closes = new Ring(16);
  private ema5 = NaN;
  private ema15 = NaN;
  private prevDepth = NaN;
  private imbalanceStreak = 0;
  private imbalanceSign = 0;
  private readonly cusum: Cusum;
  private readonly cusumVar: Cusum;
  private readonly bocpd: Bocpd;
  private lastMap = 0;
  latest: IndicatorSnapshot | null = null;

  constructor(
    readonly symbol: string,
    private readonly p: MonitorParams = DEFAULT_MONITOR_PARAMS,
  ) {
    this.ewma = new EwmaVariance(p.lambda);
    this.returns = new Ring(p.window);
    this.hl2 = new Ring(p.window);
    this.volumes = new Ring(p.window);
    this.spreads = new Ring(p.window);
    this.cusum = new Cusum({ k: p.cusumK, h: p.cusumH });
    this.cusumVar = new Cusum({ k: p.cusumVarK, h: p.cusumVarH });
    this.bocpd = new Bocpd(p.hazard, { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 }, p.maxRunLength);
  }

  sigma(): number | undefined {
    const s = this.ewma.sigma();
    return Number.isFinite(s) ? s : undefined;
  }

  /** Updates with a closed bar; returns the alarms it raises (none while warming up). */
  update(bar: Bar): Alarm[] {
    const p = this.p;
    const prevSigma = this.ewma.sigma();
    const baselineSigma = this.returns.length >= p.window ? this.returns.std() : NaN;
    const ret = this.lastClose > 0 && bar.close > 0 ? Math.log(bar.close / this.lastClose) : NaN;
    const volumeZ = this.volumes.length >= 10 ? (bar.volume - this.volumes.mean()) / this.volumes.std() : NaN;
    const spreadMedian = this.spreads.length >= 10 ? this.spreads.median() : NaN;
    const spreadRatio = spreadMedian > 0 ? bar.spreadBps / spreadMedian : NaN;
    const depth = bar.bidDepth + bar.askDepth;
    const sign = Math.sign(bar.imbalance);
    if (Math.abs(bar.imbalance) >= p.thresholds.imbalanceLevel && sign === this.imbalanceSign) this.imbalanceStreak++;
    else this.imbalanceStreak = Math.abs(bar.imbalance) >= p.thresholds.imbalanceLevel ? 1 : 0;
    this.imbalanceSign = sign;

    // Detectors standardize with the rolling in-control sd (the 30 returns before this bar): the
    // EWMA reacts within a few bars and would hide a shift it has already absorbed.
    const sd = Number.isFinite(baselineSigma) && baselineSigma > 0 ? baselineSigma : prevSigma;
    const warm = this.returns.length >= p.warmup && sd > 0;
    let z = NaN;
    const alarms: Alarm[] = [];
    // A GAP minute's return spans two sources (M1): its alarms are kept and flagged, never dropped,
    // so the desk sees them and the rules can leave them out of automatic actions.
    const onGap: Alarm["evidence"] = bar.quality === "GAP" ? { dataQuality: "GAP" } : {};
    const raise = (kind: AlarmKind, severity: Severity, evidence: Alarm["evidence"]) =>
      alarms.push({ symbol: this.symbol, ts: bar.ts, kind, severity, evidence: { ...evidence, ...onGap } });
    if (Number.isFinite(ret)) {
      this.ewma.update(ret);
      this.returns.push(ret);
      if (warm) {
        z = Math.max(-50, Math.min(50, ret / sd));
        const dir: CusumDirection | null = this.cusum.update(z);
        const varAlarm = this.cusumVar.update(standardizeSquared(Math.min(Math.abs(z), 4)));
        const bo = this.bocpd.update(z);
        const severity: Severity = Math.abs(z) >= 8 ? "CRITICAL" : "WARNING";
        const ev = { ret: round(ret), z: round(z, 4), sigma: round(sd), close: bar.close, prevClose: this.lastClose };
        if (dir) raise(dir === "up" ? "CUSUM_UP" : "CUSUM_DOWN", severity, { ...ev, k: p.cusumK, h: p.cusumH });
        if (varAlarm === "up") raise("CUSUM_VAR", severity, { ...ev, k: p.cusumVarK, h: p.cusumVarH });
        if (this.lastMap >= 20 && bo.map <= 5) {
          raise("CHANGE_POINT", Math.abs(z) >= 4 ? "WARNING" : "INFO", {
            ...ev,
            runLengthBefore: this.lastMap,
            runLength: bo.map,
            cpProb: round(bo.cpProb, 4),
          });
        }
        this.lastMap = bo.map;
      }
    }
    const sigma = this.ewma.sigma();
    if (bar.low > 0 && bar.high > 0) this.hl2.push(Math.log(bar.high / bar.low) ** 2);
    if (warm) {
      const hits = checkThresholds(
        {
          sigma,
          baselineSigma,
          depth,
          prevDepth: this.prevDepth,
          spreadRatio: Number.isFinite(spreadRatio) ? spreadRatio : 0,
          imbalanceStreak: this.imbalanceStreak,
          volumeZ: Number.isFinite(volumeZ) ? volumeZ : 0,
        },
        p.thresholds,
      );
      for (const kind of hits) {
        const severity: Severity =
          (kind === "VOL_SPIKE" && sigma >= 2 * p.thresholds.volSpikeK * baselineSigma) ||
          (kind === "SPREAD_WIDE" && spreadRatio >= 2 * p.thresholds.spreadMultiple)
            ? "CRITICAL"
            : kind === "IMBALANCE" || kind === "VOLUME_SPIKE"
              ? "INFO"
              : "WARNING";
        raise(kind, severity, {
          sigma: round(sigma),
          baselineSigma: round(baselineSigma),
          depth,
          prevDepth: Number.isFinite(this.prevDepth) ? this.prevDepth : null,
          spreadBps: round(bar.spreadBps, 4),
          spreadRatio: round(spreadRatio, 4),
          imbalance: round(bar.imbalance, 4),
          imbalanceMinutes: this.imbalanceStreak,
          volume: bar.volume,
          volumeZ: round(volumeZ, 4),
        });
      }
    }
    this.volumes.push(bar.volume);
    if (bar.spreadBps > 0) this.spreads.push(bar.spreadBps);
    const prevEma5 = this.ema5;
    const prevEma15 = this.ema15;
    this.ema5 = ema(this.ema5, bar.close, 5);
    this.ema15 = ema(this.ema15, bar.close, 15);
    this.closes.push(bar.close);
    const n = this.closes.length;
    this.latest = {
      symbol: this.symbol,
      ts: bar.ts,
      close: bar.close,
      ret: fin(ret),
      z: fin(z),
      sigma: fin(sigma),
      realized: this.returns.length >= p.window ? fin(this.returns.std()) : null,
      parkinson: this.hl2.length > 0 ? fin(Math.sqrt(this.hl2.mean() / (4 * Math.LN2))) : null,
      volume: bar.volume,
      volumeZ: fin(volumeZ),
      spreadBps: bar.spreadBps,
      spreadRatio: fin(spreadRatio),
      depth,
      imbalance: bar.imbalance,
      trend5: n > 5 ? fin(Math.log(bar.close / this.closes.at(n - 6))) : null,
      trend15: n > 15 ? fin(Math.log(bar.close / this.closes.at(n - 16))) : null,
      emaSlope5: prevEma5 > 0 ? fin(((this.ema5 - prevEma5) / prevEma5) * 1e4) : null,
      emaSlope15: prevEma15 > 0 ? fin(((this.ema15 - prevEma15) / prevEma15) * 1e4) : null,
      runLength: warm ? this.lastMap : null,
    };
    this.prevDepth = depth;
    this.lastClose = bar.close;
    return alarms;
  }
}
