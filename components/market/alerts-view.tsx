"use client";
// The alerts page (M6): live alert list with acknowledgement, the latency of the command path,
// the rules' active actions and the rules themselves.
import { useI18n } from "../i18n/i18n-provider";
import { ActionsList } from "./actions-list";
import { AlertsTable } from "./alerts-table";
import { LatencyPanel } from "./latency-panel";
import styles from "./market.module.css";
import { RulesTable } from "./rules-table";
import { useLiveAlerts } from "./use-live-alerts";

export function AlertsView({ canAck, canManage }: { canAck: boolean; canManage: boolean }) {
  const { t } = useI18n();
  useLiveAlerts();
  return (
    <div className="stack">
      <h1>{t("market.alerts.title")}</h1>
      <div className={styles.layout}>
        <section className="panel" aria-label={t("market.alerts.title")}>
          <AlertsTable canAck={canAck} initialStatus="open" limit={200} />
        </section>
        <div className="stack">
          <LatencyPanel />
          <section className="panel" aria-labelledby="all-actions-title">
            <div className="panel-head">
              <h2 id="all-actions-title">{t("market.actions.title")}</h2>
            </div>
            <ActionsList canManage={canManage} />
          </section>
        </div>
      </div>
      <RulesTable canManage={canManage} />
    </div>
  );
}
