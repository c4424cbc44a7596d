"use client";
// The decision panel of a withdrawal: approve (with the TOTP code as the step-up; the form is the
// confirmation), reject with a reason, escalate; compliance freeze, lift, confirm; appeal while
// frozen. Only the actions the state and the user's permissions allow are offered.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./payments.module.css";

type Mode = "approve" | "reject" | "escalate" | "freeze" | "unfreeze" | "confirmFreeze" | "appeal";
export interface ActionRights {
  approve: boolean;
  freeze: boolean;
  appeal: boolean;
}

/** What each decision really does, said before it is confirmed (a freeze can be lifted; an approval cannot be taken back). */
const CONSEQUENCE: Record<Mode, MessageKey> = {
  approve: "payments.actions.consequence.approve",
  reject: "payments.actions.consequence.reject",
  escalate: "payments.actions.consequence.escalate",
  freeze: "payments.actions.consequence.freeze",
  unfreeze: "payments.actions.consequence.unfreeze",
  confirmFreeze: "payments.actions.consequence.confirmFreeze",
  appeal: "payments.actions.consequence.appeal",
};

const BEFORE_SENT = ["REQUESTED", "CHECKED", "PENDING_APPROVAL", "APPROVED"];

export function WithdrawalActions({
  w,
  rights,
  userId,
}: {
  w: { id: string; status: string; requestedById: string | null; approvals: Array<{ approverId: string }> };
  rights: ActionRights;
  userId: string;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [mode, setMode] = useState<Mode | null>(null);
  const [approvalKey] = useState(() => crypto.randomUUID());
  const onSuccess = () => {
    setMode(null);
    void qc.invalidateQueries({ queryKey: trpc.payments.withdrawal.queryKey({ id: w.id }) });
    void qc.invalidateQueries({ queryKey: trpc.payments.queue.queryKey() });
  };
  const m = {
    approve: useMutation(trpc.payments.approve.mutationOptions({ onSuccess })),
    reject: useMutation(trpc.payments.reject.mutationOptions({ onSuccess })),
    escalate: useMutation(trpc.payments.escalate.mutationOptions({ onSuccess })),
    freeze: useMutation(trpc.payments.freeze.mutationOptions({ onSuccess })),
    unfreeze: useMutation(trpc.payments.unfreeze.mutationOptions({ onSuccess })),
    confirmFreeze: useMutation(trpc.payments.confirmFreeze.mutationOptions({ onSuccess })),
    appeal: useMutation(trpc.payments.appeal.mutationOptions({ onSuccess })),
  };
  const pending = w.status === "PENDING_APPROVAL";
  const mine = w.requestedById === userId;
  const approvedByMe = w.approvals.some((a) => a.approverId === userId);
  const offered: Mode[] = [
    ...(rights.approve && pending && !mine && !approvedByMe ? (["approve"] as const) : []),
    ...(rights.approve && pending ? (["reject", "escalate"] as const) : []),
    ...(rights.freeze && BEFORE_SENT.includes(w.status) ? (["freeze"] as const) : []),
    ...(rights.freeze && w.status === "FROZEN" ? (["unfreeze", "confirmFreeze"] as const) : []),
    ...(rights.appeal && w.status === "FROZEN" ? (["appeal"] as const) : []),
  ];
  const error = Object.values(m).find((x) => x.isError)?.error;
  const done = Object.values(m).find((x) => x.isSuccess)?.data;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const text = String(f.get("text") ?? "");
    if (mode === "approve") {
      const code = String(f.get("totp") ?? "").trim();
      m.approve.mutate({ id: w.id, idempotencyKey: approvalKey, ...(code ? { totpCode: code } : {}) });
    }
    if (mode === "reject") m.reject.mutate({ id: w.id, reason: text });
    if (mode === "escalate") m.escalate.mutate({ id: w.id, note: text });
    if (mode === "freeze") m.freeze.mutate({ id: w.id, reason: text });
    if (mode === "unfreeze") m.unfreeze.mutate({ id: w.id, note: text });
    if (mode === "confirmFreeze") m.confirmFreeze.mutate({ id: w.id, note: text });
    if (mode === "appeal") m.appeal.mutate({ id: w.id, text });
  }

  const label: Record<Mode, MessageKey> = {
    approve: "payments.actions.approve",
    reject: "payments.actions.reject",
    escalate: "payments.actions.escalate",
    freeze: "payments.actions.freeze",
    unfreeze: "payments.actions.unfreeze",
    confirmFreeze: "payments.actions.confirmFreeze",
    appeal: "payments.actions.appeal",
  };
  const confirmLabel: Record<Mode, MessageKey> = {
    approve: "payments.actions.confirmApprove",
    reject: "payments.actions.confirmReject",
    escalate: "payments.actions.confirmEscalate",
    freeze: "payments.actions.confirmFreezeAction",
    unfreeze: "payments.actions.confirmUnfreeze",
    confirmFreeze: "payments.actions.confirmConfirmFreeze",
    appeal: "payments.actions.confirmAppeal",
  };
  const textLabel: MessageKey =
    mode === "appeal"
      ? "payments.actions.appealText"
      : mode === "reject" || mode === "freeze"
        ? "payments.actions.reason"
        : "payments.actions.note";
  const busy = Object.values(m).some((x) => x.isPending);

  return (
    <section className="panel" aria-labelledby="decision-title">
      <h2 id="decision-title">{t("payments.actions.title")}</h2>
      {done && (
        <p role="status" className="ok-banner">
          {t("payments.actions.done", { status: t(`payments.status.${done.status as "SENT"}`) })}
        </p>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error.message}
        </p>
      )}
      {offered.length === 0 && <p className="muted">{t("payments.actions.none")}</p>}
      <div className={styles.actions}>
        {offered.map((o) => (
          <button
            key={o}
            type="button"
            className={`btn ${o === "approve" ? "btn-primary" : ""}`}
            aria-pressed={mode === o}
            onClick={() => setMode(o)}
          >
            {t(label[o])}
          </button>
        ))}
      </div>
      {mode && offered.includes(mode) && (
        <form className={styles.form} onSubmit={submit}>
          {mode === "approve" ? (
            <label>
              {t("payments.actions.totp")}
              <input name="totp" inputMode="numeric" pattern="\d{6}" maxLength={6} autoComplete="one-time-code" />
              <span className="muted small">{t("payments.actions.totpHint")}</span>
            </label>
          ) : (
            <label>
              {t(textLabel)}
              <textarea name="text" required minLength={3} rows={3} />
            </label>
          )}
          <p className="muted small">{t(CONSEQUENCE[mode])}</p>
          <div className={styles.actions}>
            <button type="submit" className="btn btn-primary" disabled={busy}>
              {t(confirmLabel[mode])}
            </button>
            <button type="button" className="btn" onClick={() => setMode(null)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
