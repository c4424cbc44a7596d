"use client";
// M6: the actions the rules took (margin multiplier, buy restriction, hedge proposal, desk
// notice), active until they expire; RISK/ADMIN may revoke one after confirming.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./market.module.css";
import { ruleName } from "./seeded-rule-name";

export function ActionsList({ symbol, canManage }: { symbol?: string; canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<string | null>(null);
  const actions = useQuery(trpc.monitoring.actions.queryOptions({ activeOnly: true, symbol }));
  const revoke = useMutation(
    trpc.monitoring.revokeAction.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        void queryClient.invalidateQueries({ queryKey: trpc.monitoring.actions.pathKey() });
      },
    }),
  );
  const describe = (a: { action: string; multiplier: number | null; detail: Record<string, unknown> | null }) => {
    switch (a.action) {
      case "RAISE_MARGIN":
        return t("market.actions.RAISE_MARGIN", { x: fmt.number(a.multiplier ?? 1, 2) });
      case "PROPOSE_HEDGE":
        return t("market.actions.hedge", {
          notional: fmt.money(Number(a.detail?.hedgeNotional ?? 0)),
          accounts: Number(a.detail?.accounts ?? 0),
        });
      case "RESTRICT_BUYS":
        return t("market.actions.RESTRICT_BUYS");
      case "NOTIFY":
        return t("market.actions.NOTIFY");
      default:
        return a.action;
    }
  };
  if (actions.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (actions.isError)
    return (
      <p role="alert" className="form-error">
        {actions.error.message}
      </p>
    );
  if (actions.data.length === 0) return <p className="muted">{t("market.symbol.none")}</p>;
  return (
    <ul className={styles.feed} data-testid="actions-list">
      {revoke.isError && (
        <li role="alert" className="form-error">
          {revoke.error.message}
        </li>
      )}
      {actions.data.map((a) => (
        <li key={a.id} className={styles.feedItem}>
          <div className={styles.row}>
            {!symbol && <Link href={`/market/${a.symbol}`}>{a.symbol}</Link>}
            <strong>{describe(a)}</strong>
          </div>
          <span className="muted small">
            {ruleName(t, a.ruleName)} · {t("market.actions.until", { time: fmt.time(a.expiresAt) })}
            {a.latencyMs !== null ? ` · ${fmt.integer(a.latencyMs)} ms` : ""}
          </span>
          {canManage &&
            (confirming === a.id ? (
              <div className={styles.confirm}>
                <span className="small">{t("market.actions.revokeConfirm")}</span>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={revoke.isPending}
                  onClick={() => revoke.mutate({ id: a.id })}
                >
                  {t("market.alerts.confirm")}
                </button>
                <button type="button" className="btn btn-ghost" onClick={() => setConfirming(null)}>
                  {t("market.alerts.cancel")}
                </button>
              </div>
            ) : (
              <button type="button" className="btn btn-ghost" onClick={() => setConfirming(a.id)}>
                {t("market.actions.revoke")}
              </button>
            ))}
        </li>
      ))}
    </ul>
  );
}
