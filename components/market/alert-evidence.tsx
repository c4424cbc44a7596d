"use client";
// The numbers behind an alarm (M5 evidence), formatted with units.
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./market.module.css";

export const KIND_KEYS = [
  "CUSUM_UP",
  "CUSUM_DOWN",
  "CUSUM_VAR",
  "CHANGE_POINT",
  "VOL_SPIKE",
  "DEPTH_DROP",
  "SPREAD_WIDE",
  "IMBALANCE",
  "VOLUME_SPIKE",
] as const;

export function useKindLabel(): (kind: string) => string {
  const { t } = useI18n();
  return (kind) => ((KIND_KEYS as readonly string[]).includes(kind) ? t(`market.kinds.${kind}` as MessageKey) : kind);
}

/** Which numbers matter for which alarm (the rest stay in the stored evidence). */
const SHOWN: Record<string, string[]> = {
  VOL_SPIKE: ["sigma", "baselineSigma"],
  DEPTH_DROP: ["depth", "prevDepth"],
  SPREAD_WIDE: ["spreadRatio", "spreadBps"],
  IMBALANCE: ["imbalance"],
  VOLUME_SPIKE: ["volumeZ"],
};

export function AlertEvidence({ evidence, kind }: { evidence: Record<string, unknown>; kind: string }) {
  const { fmt, t } = useI18n();
  const shown = SHOWN[kind];
  const n = (k: string) =>
    typeof evidence[k] === "number" && (!shown || shown.includes(k)) ? (evidence[k] as number) : null;
  const parts: string[] = [];
  const z = n("z");
  if (z !== null) parts.push(`z ${fmt.number(z, 2)}`);
  const ret = n("ret");
  if (ret !== null) parts.push(`r ${fmt.percent(ret)}`);
  const sigma = n("sigma");
  if (sigma !== null) parts.push(`σ ${fmt.number(sigma * 100, 3)}%`);
  const base = n("baselineSigma");
  if (base !== null) parts.push(`σ₃₀ ${fmt.number(base * 100, 3)}%`);
  const sr = n("spreadRatio");
  if (sr !== null) parts.push(t("deskux.evidence.spread", { v: fmt.number(sr, 1) }));
  const depth = n("depth");
  const prev = n("prevDepth");
  if (depth !== null && prev !== null && prev > 0)
    parts.push(t("deskux.evidence.depth", { v: fmt.percent(depth / prev - 1) }));
  const sb = n("spreadBps");
  if (sb !== null) parts.push(t("deskux.evidence.bp", { v: fmt.number(sb, 1) }));
  const imb = n("imbalance");
  if (imb !== null)
    parts.push(t("deskux.evidence.imbalance", { v: fmt.percent(imb), m: String(evidence.imbalanceMinutes ?? "") }));
  const vz = n("volumeZ");
  if (vz !== null) parts.push(t("deskux.evidence.volZ", { v: fmt.number(vz, 1) }));
  const rl = n("runLengthBefore");
  if (rl !== null) parts.push(t("deskux.evidence.run", { from: rl, to: n("runLength") ?? 0 }));
  return <span className={styles.evidence}>{parts.join(" · ")}</span>;
}
