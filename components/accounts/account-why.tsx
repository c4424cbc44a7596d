"use client";
// "Why this status" (R3, A2): the figures behind the margin level, the lines of the parameter
// version that was used, and the deposit that would clear the warning line.
import type { AccountResult } from "@/server/risk/margin/margin-model";
import type { RiskLines } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import styles from "../risk/risk.module.css";
import { StatusBadge } from "../risk/status-badge";

export function AccountWhy({
  result,
  lines,
  version,
  debt,
  replayedAt,
}: {
  result: AccountResult;
  lines: RiskLines;
  version: number;
  debt: number;
  replayedAt?: number;
}) {
  const { t, fmt } = useI18n();
  const deposit = Math.max(0, lines.warning * result.maintenanceMargin - result.equity);
  return (
    <div className={styles.whyBox} data-testid="why">
      <p>
        <StatusBadge status={result.status} /> {t(`risk.statusHint.${result.status}`)}
      </p>
      {result.equity <= 0 && debt > 0 && (
        <p>{t("risk.account.whyNegative", { equity: fmt.money(result.equity), debt: fmt.money(debt) })}</p>
      )}
      {result.marginLevel === null ? (
        <p>{t("risk.account.whyNoMargin")}</p>
      ) : (
        <p>
          {t("risk.account.whyText", {
            ml: fmt.number(result.marginLevel, 3),
            equity: fmt.money(result.equity),
            mm: fmt.money(result.maintenanceMargin),
            version,
            warning: fmt.number(lines.warning, 2),
            liquidation: fmt.number(lines.liquidation, 2),
            hardFloor: fmt.number(lines.hardFloor, 2),
          })}
        </p>
      )}
      {result.status !== "HEALTHY" && deposit > 0 && (
        <p>{t("risk.account.toWarning", { amount: fmt.money(deposit) })}</p>
      )}
      {replayedAt !== undefined && (
        <p className="muted small">{t("risk.account.whyReplay", { time: fmt.dateTime(replayedAt), version })}</p>
      )}
    </div>
  );
}
