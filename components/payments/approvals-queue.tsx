"use client";
// P3 approvals queue for managers: amount, channel, client, AML score and hits, margin headroom,
// age against the SLA. Bulk action is rejection only (safe: no money moves); approval is one by one.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { HitChips, ScoreBadge } from "./aml-hits";
import styles from "./payments.module.css";

export function ApprovalsQueue({ canReject }: { canReject: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const q = useQuery({ ...trpc.payments.queue.queryOptions({}), refetchInterval: useChangePoll(10_000) });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [bulkOpen, setBulkOpen] = useState(false);
  const reject = useMutation(
    trpc.payments.rejectMany.mutationOptions({
      onSuccess: () => {
        setSelected(new Set());
        setBulkOpen(false);
        void qc.invalidateQueries({ queryKey: trpc.payments.queue.queryKey() });
      },
    }),
  );
  const toggle = (id: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(id)) n.delete(id);
      else n.add(id);
      return n;
    });
  function onBulk(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    reject.mutate({ ids: [...selected], reason: String(new FormData(e.currentTarget).get("reason") ?? "") });
  }
  const result = reject.data;
  return (
    <section className="panel">
      <div className="panel-head">
        <h1>{t("payments.queue.title")}</h1>
        {q.data && <span className="muted">{t("payments.queue.count", { count: q.data.length })}</span>}
      </div>
      <p className="muted">{t("payments.queue.intro")}</p>
      {canReject && (
        <div className={styles.toolbar}>
          <button type="button" className="btn" disabled={selected.size === 0} onClick={() => setBulkOpen(true)}>
            {t("payments.queue.bulkReject", { count: selected.size })}
          </button>
          <span className="muted small">{t("payments.queue.bulkHint")}</span>
        </div>
      )}
      {bulkOpen && selected.size > 0 && (
        <form className={styles.form} onSubmit={onBulk}>
          <label>
            {t("payments.queue.bulkReason")}
            <textarea name="reason" required minLength={3} rows={2} />
          </label>
          <p className="muted small">{t("payments.actions.consequence.reject")}</p>
          <div className={styles.actions}>
            <button type="submit" className="btn btn-primary" disabled={reject.isPending}>
              {t("payments.queue.bulkConfirm", { count: selected.size })}
            </button>
            <button type="button" className="btn" onClick={() => setBulkOpen(false)}>
              {t("common.cancel")}
            </button>
          </div>
        </form>
      )}
      {reject.isError && (
        <p role="alert" className="form-error">
          {reject.error.message}
        </p>
      )}
      {result && (
        <p role="status" className="ok-banner">
          {t("payments.queue.bulkDone", {
            ok: result.filter((r) => r.ok).length,
            failed: result.filter((r) => !r.ok).length,
          })}
        </p>
      )}
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.length === 0 && <p className="muted">{t("payments.queue.empty")}</p>}
      {q.data && q.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              {canReject && (
                <th scope="col">
                  <span className="sr-only">{t("payments.queue.select")}</span>
                </th>
              )}
              <th scope="col" className="num">
                {t("payments.queue.amount")}
              </th>
              <th scope="col">{t("payments.queue.channel")}</th>
              <th scope="col">{t("payments.queue.client")}</th>
              <th scope="col" className="num">
                {t("payments.queue.score")}
              </th>
              <th scope="col">{t("payments.queue.hits")}</th>
              <th scope="col" className="num">
                {t("payments.queue.margin")}
              </th>
              <th scope="col" className="num">
                {t("payments.queue.approvals")}
              </th>
              <th scope="col" className="num">
                {t("payments.queue.age")}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {q.data.map((w) => (
              <tr
                key={w.id}
                tabIndex={0}
                onKeyDown={(e) => {
                  if (e.key === "Enter" && e.target === e.currentTarget) router.push(`/payments/approvals/${w.id}`);
                }}
              >
                {canReject && (
                  <td>
                    <input
                      type="checkbox"
                      aria-label={t("payments.queue.selectRow", { id: w.id })}
                      checked={selected.has(w.id)}
                      onChange={() => toggle(w.id)}
                    />
                  </td>
                )}
                <td className="num">{fmt.money(w.amount)}</td>
                <td>{t(`payments.channel.${w.channel as "ACH"}`)}</td>
                <td>
                  <Link href={`/accounts?search=${encodeURIComponent(w.accountCode)}`} className="mono">
                    {w.accountCode}
                  </Link>{" "}
                  {w.clientName}
                </td>
                <td className="num">
                  <ScoreBadge score={w.amlScore} />
                </td>
                <td>
                  <HitChips hits={w.amlHits} />
                </td>
                <td className={`num ${w.margin && w.margin.headroom < 0 ? "up" : ""}`}>
                  {w.margin ? fmt.money(w.margin.headroom) : "—"}
                </td>
                <td className="num">
                  {w.approvals.length}/{w.requiredApprovals}
                </td>
                <td className={`num ${w.slaBreached ? styles.overdue : ""}`}>
                  {t("payments.queue.minutes", { n: fmt.integer(w.ageMinutes) })} / {w.slaMinutes}
                  {w.slaBreached && <> · {t("payments.queue.overdue")}</>}
                </td>
                <td>
                  <Link href={`/payments/approvals/${w.id}`} className="btn">
                    {t("payments.queue.open")}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
