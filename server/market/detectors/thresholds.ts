// Threshold detectors (M5) over one symbol's indicators at a bar close. Pure: the monitor passes
// the indicator snapshot, the previous minute's depth and the imbalance streak.

export interface ThresholdParams {
  volSpikeK: number; // EWMA sigma >= k x baseline (realized 30) -> alarm
  depthDropPct: number; // depth fell by >= this share in one minute
  spreadMultiple: number; // spread >= y x its 30-minute median
  imbalanceLevel: number; // |imbalance| >= this ...
  imbalanceMinutes: number; // ... for this many consecutive minutes
  volumeZ: number; // volume z-score >= z0
}

export const DEFAULT_THRESHOLDS: ThresholdParams = {
  volSpikeK: 2.5,
  depthDropPct: 0.6,
  spreadMultiple: 3,
  imbalanceLevel: 0.6,
  imbalanceMinutes: 5,
  volumeZ: 4,
};

export interface ThresholdInput {
  sigma: number; // EWMA sigma after this bar
  baselineSigma: number; // realized 30 before this bar
  depth: number;
  prevDepth: number;
  spreadRatio: number;
  imbalanceStreak: number; // consecutive minutes with |imbalance| >= level, same sign
  volumeZ: number;
}

export type ThresholdAlarm = "VOL_SPIKE" | "DEPTH_DROP" | "SPREAD_WIDE" | "IMBALANCE" | "VOLUME_SPIKE";

export function checkThresholds(x: ThresholdInput, p: ThresholdParams = DEFAULT_THRESHOLDS): ThresholdAlarm[] {
  const out: ThresholdAlarm[] = [];
  if (x.baselineSigma > 0 && x.sigma >= p.volSpikeK * x.baselineSigma) out.push("VOL_SPIKE");
  if (x.prevDepth > 0 && (x.prevDepth - x.depth) / x.prevDepth >= p.depthDropPct) out.push("DEPTH_DROP");
  if (x.spreadRatio >= p.spreadMultiple) out.push("SPREAD_WIDE");
  if (x.imbalanceStreak === p.imbalanceMinutes) out.push("IMBALANCE"); // once per streak
  if (x.volumeZ >= p.volumeZ) out.push("VOLUME_SPIKE");
  return out;
}
