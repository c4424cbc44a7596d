"use client";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./market.module.css";

const CLASS: Record<string, string | undefined> = {
  CRITICAL: styles.critical,
  WARNING: styles.warning,
  INFO: styles.info,
};

export function SeverityBadge({ severity }: { severity: string }) {
  const { t } = useI18n();
  const known = severity === "CRITICAL" || severity === "WARNING" || severity === "INFO";
  return (
    <span className={`${styles.badge} ${CLASS[severity] ?? ""}`}>
      {known ? t(`market.severities.${severity}`) : severity}
    </span>
  );
}
