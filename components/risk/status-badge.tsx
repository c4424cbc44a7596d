"use client";
// A risk status (R3) as a colored, translated badge with its meaning as a tooltip.
import type { RiskStatus } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./risk.module.css";

export function StatusBadge({ status }: { status: RiskStatus }) {
  const { t } = useI18n();
  return (
    <span className={`${styles.badge} ${styles[status]}`} title={t(`risk.statusHint.${status}`)} data-status={status}>
      {t(`risk.status.${status}`)}
    </span>
  );
}

/** Color of a margin level on the heatmap: red from the warning line down, deepest at the hard floor. */
export function marginLevelColor(
  ml: number | null,
  lines: { warning: number; liquidation: number; hardFloor: number; target: number },
): string {
  if (ml === null) return "#3a4452";
  if (ml < lines.hardFloor) return "#7a0f6e";
  if (ml < lines.liquidation) return "#b3161e";
  if (ml < lines.warning) return "#e5484d";
  if (ml < lines.target) return "#d9a51a";
  if (ml < lines.target * 2) return "#2f8f5b";
  return "#1f5c3d";
}
