"use client";
// The feeds page: health for everyone with market.view; source switch, retention and drills for ADMIN.
import { useI18n } from "../i18n/i18n-provider";
import { DrillForm } from "./drill-form";
import { FeedHealthPanel } from "./feed-health-panel";
import { FeedSwitchForm } from "./feed-switch-form";
import { LatencyPanel } from "./latency-panel";
import styles from "./market.module.css";

export function FeedsView({ canManageFeeds, canRunDrills }: { canManageFeeds: boolean; canRunDrills: boolean }) {
  const { t } = useI18n();
  return (
    <div className="stack">
      <h1>{t("market.feeds.title")}</h1>
      <div className={styles.layout}>
        <FeedHealthPanel />
        <div className="stack">
          {canRunDrills && <DrillForm />}
          <LatencyPanel />
        </div>
      </div>
      {canManageFeeds && <FeedSwitchForm />}
    </div>
  );
}
