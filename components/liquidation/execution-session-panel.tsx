"use client";
// When liquidations may trade (R7): the execution session setting, A-share continuous sessions on exchange
// days or always open (the demo simulator). A change is a proposal (RISK, ADMIN) that another person, a
// MANAGER with a fresh authenticator code, approves or rejects; the proposer may withdraw it. Every step
// goes through the app's confirmation dialog and lands in the audit trail (the server has the last word).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { ConfirmDialog } from "../ui/confirm-dialog";

const SESSIONS = ["ALWAYS_OPEN", "A_SHARE"] as const;
type Session = (typeof SESSIONS)[number];
type Step = "propose" | "withdraw" | "approve" | "reject";

export function ExecutionSessionPanel({
  userId,
  canPropose,
  canApprove,
}: {
  userId: string;
  canPropose: boolean;
  canApprove: boolean;
}) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery({ ...trpc.liquidation.executionSession.queryOptions(), refetchInterval: useChangePoll(15_000) });
  const [choice, setChoice] = useState<Session | null>(null);
  const [reason, setReason] = useState("");
  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const [step, setStep] = useState<Step | null>(null);
  const onSuccess = (data: NonNullable<typeof q.data>) => {
    qc.setQueryData(trpc.liquidation.executionSession.queryKey(), data);
    setStep(null);
    setReason("");
    setCode("");
    setNote("");
    setChoice(null);
  };
  const propose = useMutation(trpc.liquidation.proposeExecutionSession.mutationOptions({ onSuccess }));
  const withdraw = useMutation(trpc.liquidation.withdrawExecutionSession.mutationOptions({ onSuccess }));
  const decide = useMutation(trpc.liquidation.decideExecutionSession.mutationOptions({ onSuccess }));
  const busy = propose.isPending || withdraw.isPending || decide.isPending;
  const error = (propose.error ?? withdraw.error ?? decide.error)?.message ?? null;

  const data = q.data;
  const proposal = data?.proposal ?? null;
  const other: Session = data?.session === "A_SHARE" ? "ALWAYS_OPEN" : "A_SHARE";
  const target = choice ?? other;
  const name = (s: Session) => t(`liquidation.session.name.${s}`);
  const when = (iso: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" }).format(new Date(iso));

  function close() {
    setStep(null);
    propose.reset();
    withdraw.reset();
    decide.reset();
  }

  function confirm() {
    if (step === "propose") propose.mutate({ session: target, reason });
    if (step === "withdraw") withdraw.mutate();
    if ((step === "approve" || step === "reject") && proposal) {
      decide.mutate({
        session: proposal.session,
        approve: step === "approve",
        totpCode: code,
        note: note.trim() || undefined,
      });
    }
  }

  const dialogBody = (): string => {
    if (step === "propose")
      return t("liquidation.session.proposeWhat", { from: name(data?.session ?? "ALWAYS_OPEN"), to: name(target) });
    if (step === "withdraw" && proposal) return t("liquidation.session.withdrawWhat", { to: name(proposal.session) });
    if (step === "approve" && proposal) return t("liquidation.session.approveWhat", { to: name(proposal.session) });
    if (step === "reject" && proposal) return t("liquidation.session.rejectWhat", { to: name(proposal.session) });
    return "";
  };

  return (
    <section className="panel" aria-labelledby="session-title" data-testid="execution-session">
      <div className="panel-head">
        <h2 id="session-title">{t("liquidation.session.title")}</h2>
      </div>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {data && (
        <div className="stack">
          <p>
            <strong data-testid="execution-session-value" data-session={data.session}>
              {name(data.session)}
            </strong>{" "}
            <span className="muted small">{t(`liquidation.session.hint.${data.session}`)}</span>
          </p>
          {proposal ? (
            <div className="stack" data-testid="execution-session-proposal">
              <p>
                {t("liquidation.session.pending", {
                  to: name(proposal.session),
                  by: proposal.proposedByEmail,
                  at: when(proposal.proposedAt),
                })}
              </p>
              <p className="muted small">{t("liquidation.session.reasonWas", { reason: proposal.reason })}</p>
              {proposal.proposedById === userId && (
                <div>
                  <button type="button" className="btn" onClick={() => setStep("withdraw")} disabled={busy}>
                    {t("liquidation.session.withdraw")}
                  </button>
                </div>
              )}
              {canApprove && proposal.proposedById !== userId && (
                <div className="form-grid">
                  <label>
                    {t("liquidation.session.code")}
                    <input
                      inputMode="numeric"
                      autoComplete="one-time-code"
                      pattern="\d{6}"
                      maxLength={6}
                      value={code}
                      onChange={(e) => setCode(e.target.value.replace(/\D/g, "").slice(0, 6))}
                    />
                  </label>
                  <label>
                    {t("liquidation.session.note")}
                    <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
                  </label>
                  <div>
                    <button
                      type="button"
                      className="btn btn-primary"
                      disabled={busy || !/^\d{6}$/.test(code)}
                      onClick={() => setStep("approve")}
                    >
                      {t("liquidation.session.approve")}
                    </button>{" "}
                    <button
                      type="button"
                      className="btn"
                      disabled={busy || !/^\d{6}$/.test(code) || note.trim().length < 3}
                      title={t("liquidation.session.rejectNeedsNote")}
                      onClick={() => setStep("reject")}
                    >
                      {t("liquidation.session.reject")}
                    </button>
                  </div>
                </div>
              )}
            </div>
          ) : (
            canPropose && (
              <form
                className="form-grid"
                onSubmit={(e) => {
                  e.preventDefault();
                  setStep("propose");
                }}
              >
                <label>
                  {t("liquidation.session.change")}
                  <select value={target} onChange={(e) => setChoice(e.target.value as Session)}>
                    {SESSIONS.filter((s) => s !== data.session).map((s) => (
                      <option key={s} value={s}>
                        {name(s)}
                      </option>
                    ))}
                  </select>
                </label>
                <label>
                  {t("liquidation.session.reason")}
                  <input
                    value={reason}
                    onChange={(e) => setReason(e.target.value)}
                    required
                    minLength={3}
                    maxLength={500}
                  />
                </label>
                <div>
                  <button type="submit" className="btn btn-primary" disabled={busy}>
                    {t("liquidation.session.propose")}
                  </button>
                </div>
              </form>
            )
          )}
          {!proposal && !canPropose && <p className="muted small">{t("liquidation.session.whoChanges")}</p>}
        </div>
      )}
      <ConfirmDialog
        open={step !== null}
        title={step ? t(`liquidation.session.${step}`) : ""}
        body={dialogBody()}
        confirmLabel={step ? t(`liquidation.session.${step}`) : ""}
        cancelLabel={t("common.cancel")}
        busy={busy}
        error={error}
        onCancel={close}
        onConfirm={confirm}
      />
    </section>
  );
}
