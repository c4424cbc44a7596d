"use client";
// Console entry of a client's withdrawal (RISK or MANAGER as the maker, P3). The idempotency key
// is fixed per form so a double click or a retry never creates a second withdrawal.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState, type FormEvent } from "react";
import { CHANNELS, type Channel } from "@/server/payments/channels";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./payments.module.css";

export function RequestForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const [key, setKey] = useState(() => crypto.randomUUID());
  const req = useMutation(
    trpc.payments.request.mutationOptions({
      onSuccess: () => {
        setKey(crypto.randomUUID());
        void qc.invalidateQueries({ queryKey: trpc.payments.queue.queryKey() });
      },
    }),
  );
  function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    req.mutate({
      accountCode: String(f.get("account") ?? ""),
      amount: Number(f.get("amount")),
      channel: String(f.get("channel")) as Channel,
      beneficiaryName: String(f.get("beneficiaryName") ?? ""),
      beneficiaryAcct: String(f.get("beneficiaryAcct") ?? ""),
      idempotencyKey: key,
    });
  }
  return (
    <section className="panel">
      <div className="panel-head">
        <h2>{t("payments.request.title")}</h2>
        <button type="button" className="btn" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {open ? t("common.close") : t("payments.request.open")}
        </button>
      </div>
      {open && (
        <form className={styles.form} onSubmit={onSubmit}>
          <p className="muted small">{t("payments.request.hint")}</p>
          <label>
            {t("payments.detail.account")}
            <input name="account" required placeholder="MD100001" />
          </label>
          <label>
            {t("payments.queue.amount")}
            <input name="amount" type="number" min="0.01" step="0.01" required />
          </label>
          <label>
            {t("payments.queue.channel")}
            <select name="channel" defaultValue="BANK_TRANSFER">
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`payments.channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("payments.request.beneficiaryName")}
            <input name="beneficiaryName" required />
          </label>
          <label>
            {t("payments.request.beneficiaryAcct")}
            <input name="beneficiaryAcct" required minLength={4} />
          </label>
          <button type="submit" className="btn btn-primary" disabled={req.isPending}>
            {t("payments.request.submit")}
          </button>
        </form>
      )}
      {req.isError && (
        <p role="alert" className="form-error">
          {req.error.message}
        </p>
      )}
      {req.data && (
        <p role="status" className="ok-banner">
          {t("payments.request.done", { status: t(`payments.status.${req.data.status as "SENT"}`) })}{" "}
          <Link href={`/payments/approvals/${req.data.id}`}>{t("payments.queue.open")}</Link>
        </p>
      )}
    </section>
  );
}
