"use client";
// An account's margin calls (notice, deadline, escalation) and its decisions, each with the
// parameter version it used and a "why" replayed from the minute's recorded inputs (A2).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import type { RiskStatus } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import { StatusBadge } from "../risk/status-badge";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { AccountWhy } from "./account-why";
import styles from "../risk/risk.module.css";

type CallStatus = "OPEN" | "ESCALATED" | "CLOSED";

export function MarginCallsPanel({ accountId, canManage }: { accountId: string; canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const calls = useQuery({
    ...trpc.accounts.marginCalls.queryOptions({ id: accountId }),
    refetchInterval: useChangePoll(5_000),
  });
  const [note, setNote] = useState("");
  const [escalating, setEscalating] = useState<string | null>(null);
  const escalate = useMutation(
    trpc.risk.escalateMarginCall.mutationOptions({
      onSuccess: () => qc.invalidateQueries({ queryKey: trpc.accounts.marginCalls.queryKey({ id: accountId }) }),
    }),
  );
  return (
    <section className={`panel ${styles.scrollX}`} aria-labelledby="calls-title">
      <h2 id="calls-title">{t("risk.account.calls")}</h2>
      {calls.isPending && <p className="muted">{t("common.loading")}</p>}
      {calls.isError && (
        <p role="alert" className="form-error">
          {calls.error.message}
        </p>
      )}
      {calls.data?.length === 0 && <p className="muted">{t("risk.account.callsNone")}</p>}
      {escalate.isError && (
        <p role="alert" className="form-error">
          {escalate.error.message}
        </p>
      )}
      {escalate.isSuccess && <p className="ok-banner">{t("risk.account.escalated")}</p>}
      {calls.data && calls.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("risk.account.opened")}</th>
              <th scope="col">{t("risk.fig.status")}</th>
              <th scope="col">{t("risk.account.worst")}</th>
              <th scope="col" className="num">
                {t("risk.account.required")}
              </th>
              <th scope="col">{t("risk.account.deadline")}</th>
              <th scope="col">{t("risk.fig.version")}</th>
              {canManage && <th scope="col" />}
            </tr>
          </thead>
          <tbody>
            {calls.data.map((c) => (
              <tr key={c.id} tabIndex={0} title={c.notice}>
                <td>{fmt.dateTime(c.openedMinute.getTime() + 60_000)}</td>
                <td>
                  {t(`risk.account.callStatus.${c.status as CallStatus}`)}
                  {c.escalationNote && (
                    <span className="muted small" data-testid="escalation-note">
                      <br />
                      {t("risk.account.escalateNote")}: {c.escalationNote}
                    </span>
                  )}
                </td>
                <td>
                  <StatusBadge status={c.worstStatus as RiskStatus} />
                </td>
                <td className="num">{fmt.money(c.requiredDeposit)}</td>
                <td>{fmt.dateTime(c.deadline)}</td>
                <td>{t("risk.fig.versionN", { n: c.paramVersion })}</td>
                {canManage && (
                  <td>
                    {c.status === "OPEN" && (
                      <form
                        className={`inline-field ${styles.escalateForm}`}
                        onSubmit={(e) => {
                          e.preventDefault();
                          setEscalating(c.id);
                        }}
                      >
                        <input
                          aria-label={t("risk.account.escalateNote")}
                          placeholder={t("risk.account.escalateNote")}
                          value={note}
                          onChange={(e) => setNote(e.target.value)}
                          required
                          minLength={3}
                        />
                        <button type="submit" className="btn" disabled={escalate.isPending}>
                          {t("risk.account.escalate")}
                        </button>
                      </form>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={escalating !== null}
        title={t("risk.account.escalate")}
        body={t("risk.account.escalateConfirm", {
          amount: fmt.money(calls.data?.find((c) => c.id === escalating)?.requiredDeposit ?? 0),
          note,
        })}
        confirmLabel={t("risk.account.escalate")}
        cancelLabel={t("common.cancel")}
        busy={escalate.isPending}
        error={escalate.error?.message ?? null}
        onCancel={() => setEscalating(null)}
        onConfirm={() =>
          escalating && escalate.mutate({ id: escalating, note }, { onSuccess: () => setEscalating(null) })
        }
      />
    </section>
  );
}

function DecisionWhy({ accountId, minuteTs, debt }: { accountId: string; minuteTs: number; debt: number }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const why = useQuery(trpc.accounts.why.queryOptions({ id: accountId, minuteTs }));
  if (why.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (why.isError)
    return (
      <p role="alert" className="form-error">
        {why.error.message}
      </p>
    );
  if (!why.data) return <p className="muted">{t("common.empty")}</p>;
  return (
    <AccountWhy
      result={why.data.result}
      lines={why.data.params.lines}
      version={why.data.paramVersion}
      debt={debt}
      replayedAt={why.data.minuteTs.getTime() + 60_000}
    />
  );
}

export function DecisionsPanel({ accountId, debt }: { accountId: string; debt: number }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const decisions = useQuery({
    ...trpc.accounts.decisions.queryOptions({ id: accountId }),
    refetchInterval: useChangePoll(5_000),
  });
  const [open, setOpen] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="decisions-title">
      <h2 id="decisions-title">{t("risk.account.decisions")}</h2>
      <p className="muted small">{t("risk.account.decisionsHint")}</p>
      {decisions.isPending && <p className="muted">{t("common.loading")}</p>}
      {decisions.isError && (
        <p role="alert" className="form-error">
          {decisions.error.message}
        </p>
      )}
      {decisions.data?.length === 0 && <p className="muted">{t("risk.account.decisionsNone")}</p>}
      {decisions.data && decisions.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("risk.account.minute")}</th>
              <th scope="col">{t("risk.account.change")}</th>
              <th scope="col" className="num">
                {t("risk.fig.ml")}
              </th>
              <th scope="col">{t("risk.fig.version")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {decisions.data.map((d) => (
              <Fragment key={d.id}>
                <tr tabIndex={0}>
                  <td>{fmt.dateTime(d.minuteTs.getTime() + 60_000)}</td>
                  <td>
                    <StatusBadge status={d.fromStatus as RiskStatus} /> →{" "}
                    <StatusBadge status={d.toStatus as RiskStatus} />
                  </td>
                  <td className="num">{d.marginLevel === null ? "—" : fmt.number(d.marginLevel, 3)}</td>
                  <td>{t("risk.fig.versionN", { n: d.paramVersion })}</td>
                  <td>
                    <button
                      type="button"
                      className="btn btn-ghost"
                      aria-expanded={open === d.id}
                      onClick={() => setOpen(open === d.id ? null : d.id)}
                    >
                      {open === d.id ? t("risk.account.hideWhy") : t("risk.account.showWhy")}
                    </button>
                  </td>
                </tr>
                {open === d.id && (
                  <tr>
                    <td colSpan={5}>
                      <DecisionWhy accountId={accountId} minuteTs={d.minuteTs.getTime()} debt={debt} />
                    </td>
                  </tr>
                )}
              </Fragment>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
