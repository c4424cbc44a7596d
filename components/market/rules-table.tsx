"use client";
// M6 configurable rules: which alarms trigger which action, for how long; RISK and ADMIN switch
// them on and off (audited; the next minute close uses the change).
import { ruleName } from "./seeded-rule-name";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useKindLabel } from "./alert-evidence";

const ACTION_LABEL: Record<string, MessageKey> = {
  RAISE_MARGIN: "market.actions.RAISE_MARGIN",
  RESTRICT_BUYS: "market.actions.RESTRICT_BUYS",
  PROPOSE_HEDGE: "market.actions.PROPOSE_HEDGE",
  NOTIFY: "market.actions.NOTIFY",
};
const SEVERITY_LABEL: Record<string, MessageKey> = {
  INFO: "market.severities.INFO",
  WARNING: "market.severities.WARNING",
  CRITICAL: "market.severities.CRITICAL",
};

export function RulesTable({ canManage }: { canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kindLabel = useKindLabel();
  const rules = useQuery(trpc.monitoring.rules.queryOptions());
  const update = useMutation(
    trpc.monitoring.updateRule.mutationOptions({
      onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.monitoring.rules.queryKey() }),
    }),
  );
  return (
    <section className="panel" aria-labelledby="rules-title">
      <div className="panel-head">
        <h2 id="rules-title">{t("market.rules.title")}</h2>
      </div>
      {rules.isPending && <p className="muted">{t("common.loading")}</p>}
      {rules.isError && (
        <p role="alert" className="form-error">
          {rules.error.message}
        </p>
      )}
      {update.isError && (
        <p role="alert" className="form-error">
          {update.error.message}
        </p>
      )}
      {rules.isSuccess && rules.data.length === 0 && <p className="muted">{t("common.empty")}</p>}
      {rules.isSuccess && rules.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t("market.rules.name")}</th>
              <th>{t("market.rules.when")}</th>
              <th>{t("market.rules.action")}</th>
              <th className="num">{t("market.rules.duration")}</th>
              <th>{t("market.rules.enabled")}</th>
            </tr>
          </thead>
          <tbody>
            {rules.data.map((r) => (
              <tr key={r.id} tabIndex={0}>
                <td>{ruleName(t, r.name)}</td>
                <td>
                  {t("market.rules.atLeast", {
                    kind: r.kind === "*" ? t("market.rules.anyKind") : kindLabel(r.kind),
                    severity: SEVERITY_LABEL[r.minSeverity]
                      ? t(SEVERITY_LABEL[r.minSeverity] as MessageKey)
                      : r.minSeverity,
                  })}
                </td>
                <td>
                  {ACTION_LABEL[r.action]
                    ? t(ACTION_LABEL[r.action] as MessageKey, { x: fmt.number(r.multiplier ?? 1, 2) })
                    : r.action}
                </td>
                <td className="num">{t("market.rules.minutes", { n: r.durationMin })}</td>
                <td>
                  {canManage ? (
                    <button
                      type="button"
                      className="btn"
                      aria-pressed={r.enabled}
                      disabled={update.isPending}
                      onClick={() => update.mutate({ id: r.id, enabled: !r.enabled })}
                    >
                      {r.enabled ? t("market.rules.disable") : t("market.rules.enable")}
                    </button>
                  ) : r.enabled ? (
                    "✓"
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
