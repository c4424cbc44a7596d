"use client";
// The items of one reconciliation run: breaks first (matched ones on request), with assign and
// resolve-with-note for the reconciliation manager.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./payments.module.css";

export function ReconciliationItems({ runId, canManage }: { runId: string; canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const run = useQuery(trpc.payments.reconciliationRun.queryOptions({ id: runId }));
  const assignees = useQuery({ ...trpc.payments.assignees.queryOptions(), enabled: canManage });
  const [showMatched, setShowMatched] = useState(false);
  const [resolving, setResolving] = useState<string | null>(null);
  const onSuccess = () => {
    setResolving(null);
    void qc.invalidateQueries({ queryKey: trpc.payments.reconciliationRun.queryKey({ id: runId }) });
  };
  const assign = useMutation(trpc.payments.assignBreak.mutationOptions({ onSuccess }));
  const resolve = useMutation(trpc.payments.resolveBreak.mutationOptions({ onSuccess }));
  function onResolve(e: FormEvent<HTMLFormElement>, itemId: string) {
    e.preventDefault();
    resolve.mutate({ itemId, note: String(new FormData(e.currentTarget).get("note") ?? "") });
  }
  if (run.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (run.isError)
    return (
      <p role="alert" className="form-error">
        {run.error.message}
      </p>
    );
  const items = run.data.items.filter((i) => showMatched || i.kind !== "MATCHED");
  const money = (v: number | null) => (v === null ? "—" : fmt.money(v));
  return (
    <section className="panel">
      <div className="panel-head">
        <h2>{t("payments.recon.run", { date: run.data.statementDate, file: run.data.fileName })}</h2>
        <label className="inline-field">
          <input type="checkbox" checked={showMatched} onChange={(e) => setShowMatched(e.target.checked)} />{" "}
          {t("payments.recon.showMatched")}
        </label>
      </div>
      {(assign.error ?? resolve.error) && (
        <p role="alert" className="form-error">
          {(assign.error ?? resolve.error)?.message}
        </p>
      )}
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("payments.recon.kind")}</th>
            <th scope="col">{t("payments.recon.reference")}</th>
            <th scope="col" className="num">
              {t("payments.recon.ledgerAmount")}
            </th>
            <th scope="col" className="num">
              {t("payments.recon.statementAmount")}
            </th>
            <th scope="col">{t("payments.recon.status")}</th>
            <th scope="col">{t("payments.recon.assignee")}</th>
            {canManage && <th scope="col" />}
          </tr>
        </thead>
        <tbody>
          {items.map((i) => (
            <tr key={i.id} tabIndex={0}>
              <td className={i.kind === "MATCHED" ? "down" : "up"}>
                {t(`payments.recon.kinds.${i.kind as "MATCHED"}`)}
              </td>
              <td className="mono">{i.reference}</td>
              <td className="num">{money(i.ledgerAmount)}</td>
              <td className="num">{money(i.statementAmount)}</td>
              <td>
                {t(`payments.recon.statuses.${i.status as "OPEN"}`)}
                {i.note ? ` · ${i.note}` : ""}
              </td>
              <td>
                {canManage && i.status !== "RESOLVED" ? (
                  <select
                    aria-label={t("payments.recon.assignee")}
                    value={i.assigneeId ?? ""}
                    onChange={(e) => e.target.value && assign.mutate({ itemId: i.id, assigneeId: e.target.value })}
                  >
                    <option value="">—</option>
                    {assignees.data?.map((u) => (
                      <option key={u.id} value={u.id}>
                        {u.name}
                      </option>
                    ))}
                  </select>
                ) : (
                  (assignees.data?.find((u) => u.id === i.assigneeId)?.name ?? "—")
                )}
              </td>
              {canManage && (
                <td>
                  {i.status !== "RESOLVED" && resolving !== i.id && (
                    <button type="button" className="btn" onClick={() => setResolving(i.id)}>
                      {t("payments.recon.resolve")}
                    </button>
                  )}
                  {resolving === i.id && (
                    <form className={styles.form} onSubmit={(e) => onResolve(e, i.id)}>
                      <label>
                        {t("payments.recon.resolveNote")}
                        <input name="note" required minLength={3} />
                      </label>
                      <div className={styles.actions}>
                        <button type="submit" className="btn btn-primary" disabled={resolve.isPending}>
                          {t("payments.recon.confirmResolve")}
                        </button>
                        <button type="button" className="btn" onClick={() => setResolving(null)}>
                          {t("common.cancel")}
                        </button>
                      </div>
                    </form>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
