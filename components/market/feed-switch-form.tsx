"use client";
// M1 for ADMIN: choose the primary and secondary sources (confirmation; audited), and the M3
// retention of 1m bars and depth snapshots.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useSourceName } from "./feed-health-panel";
import styles from "./market.module.css";

const CHOICES = ["sim-a", "sim-b", "replay", "websocket"] as const;
type Choice = (typeof CHOICES)[number];

export function FeedSwitchForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const sourceName = useSourceName();
  const [primary, setPrimary] = useState<Choice>("sim-a");
  const [secondary, setSecondary] = useState<Choice | "">("sim-b");
  const [wsUrl, setWsUrl] = useState("");
  const [confirming, setConfirming] = useState(false);
  const sw = useMutation(
    trpc.monitoring.switchFeeds.mutationOptions({
      onSettled: () => setConfirming(false),
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.monitoring.feedHealth.queryKey() }),
    }),
  );
  const retention = useQuery(trpc.monitoring.retention.queryOptions());
  // The inputs show the stored retention until the user edits them (derived, not copied in an effect).
  const [barDaysEdit, setBarDays] = useState<string | null>(null);
  const [depthDaysEdit, setDepthDays] = useState<string | null>(null);
  const barDays = barDaysEdit ?? (retention.data ? String(retention.data.barDays) : "");
  const depthDays = depthDaysEdit ?? (retention.data ? String(retention.data.depthDays) : "");
  const save = useMutation(
    trpc.monitoring.setRetention.mutationOptions({
      onSuccess: () => {
        setBarDays(null);
        setDepthDays(null);
        void retention.refetch();
      },
    }),
  );
  const usesWs = primary === "websocket" || secondary === "websocket";

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!confirming) return setConfirming(true);
    sw.mutate({ primary, secondary: secondary === "" ? null : secondary, wsUrl: usesWs ? wsUrl : undefined });
  };

  return (
    <section className="panel" aria-labelledby="switch-title">
      <div className="panel-head">
        <h2 id="switch-title">{t("market.feeds.switchTitle")}</h2>
      </div>
      <form onSubmit={submit} className="form-grid">
        <label>
          {t("market.feeds.primary")}
          <select value={primary} onChange={(e) => setPrimary(e.target.value as Choice)}>
            {CHOICES.map((c) => (
              <option key={c} value={c}>
                {sourceName(c)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("market.feeds.secondary")}
          <select value={secondary} onChange={(e) => setSecondary(e.target.value as Choice | "")}>
            <option value="">{t("market.feeds.none")}</option>
            {CHOICES.filter((c) => c !== primary).map((c) => (
              <option key={c} value={c}>
                {sourceName(c)}
              </option>
            ))}
          </select>
        </label>
        {usesWs && (
          <label>
            {t("market.feeds.wsUrl")}
            <input
              type="url"
              value={wsUrl}
              onChange={(e) => setWsUrl(e.target.value)}
              placeholder="wss://vendor.example.cn/feed"
              required
            />
          </label>
        )}
        <div className={styles.confirm}>
          {confirming && (
            <span className="small" role="status">
              {t("market.feeds.switchConfirm")}
            </span>
          )}
          <button type="submit" className="btn btn-primary" disabled={sw.isPending}>
            {confirming ? t("market.alerts.confirm") : t("market.feeds.switch")}
          </button>
          {confirming && (
            <button type="button" className="btn btn-ghost" onClick={() => setConfirming(false)}>
              {t("market.alerts.cancel")}
            </button>
          )}
        </div>
      </form>
      {sw.isError && (
        <p role="alert" className="form-error">
          {sw.error.message}
        </p>
      )}
      {sw.isSuccess && sw.data && (
        <p className="ok-banner" role="status">
          {t("market.feeds.switched", { source: sourceName(sw.data.activeSource) })}
        </p>
      )}
      <h3>{t("market.feeds.retention")}</h3>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate({ barDays: Number(barDays), depthDays: Number(depthDays) });
        }}
      >
        <label>
          {t("market.feeds.barDays")}
          <input
            type="number"
            min={1}
            max={3650}
            value={barDays}
            onChange={(e) => setBarDays(e.target.value)}
            required
          />
        </label>
        <label>
          {t("market.feeds.depthDays")}
          <input
            type="number"
            min={1}
            max={365}
            value={depthDays}
            onChange={(e) => setDepthDays(e.target.value)}
            required
          />
        </label>
        <button type="submit" className="btn" disabled={save.isPending}>
          {t("market.feeds.save")}
        </button>
      </form>
      {save.isError && (
        <p role="alert" className="form-error">
          {save.error.message}
        </p>
      )}
      {save.isSuccess && (
        <p className="ok-banner" role="status">
          {t("market.feeds.saved")}
        </p>
      )}
    </section>
  );
}
