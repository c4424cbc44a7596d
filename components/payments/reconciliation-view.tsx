"use client";
// P2 custody reconciliation: import a statement CSV (parsed on the server), see matched items
// and breaks, assign and resolve breaks with a note. The sample statement has planted breaks.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { downloadText } from "./download";
import styles from "./payments.module.css";
import { ReconciliationItems } from "./reconciliation-items";

function todayInShanghai(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function ReconciliationView({ canManage }: { canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const runs = useQuery(trpc.payments.reconciliationRuns.queryOptions());
  const [runId, setRunId] = useState<string | null>(null);
  const [date, setDate] = useState(todayInShanghai);
  const [localError, setLocalError] = useState<string | null>(null);
  const imp = useMutation(
    trpc.payments.importStatement.mutationOptions({
      onSuccess: (run) => {
        setRunId(run.id);
        void qc.invalidateQueries({ queryKey: trpc.payments.reconciliationRuns.queryKey() });
      },
    }),
  );
  async function onImport(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setLocalError(null);
    const file = new FormData(e.currentTarget).get("file");
    if (!(file instanceof File) || file.size === 0) return setLocalError(t("payments.recon.chooseFile"));
    imp.mutate({ fileName: file.name, csv: await file.text(), date });
  }
  async function onSample() {
    setLocalError(null);
    try {
      const csv = await qc.fetchQuery(trpc.payments.sampleStatement.queryOptions({ date }));
      downloadText(`custody-statement-${date}.csv`, csv);
    } catch (err) {
      setLocalError(err instanceof Error ? err.message : String(err));
    }
  }
  const current = runId ?? runs.data?.[0]?.id ?? null;
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("payments.recon.title")}</h1>
        <p className="muted">{t("payments.recon.intro")}</p>
        {canManage && (
          <form className={styles.toolbar} onSubmit={onImport}>
            <label>
              {t("payments.recon.date")}
              <input type="date" value={date} onChange={(e) => setDate(e.target.value)} required />
            </label>
            <label>
              {t("payments.recon.file")}
              <input type="file" name="file" accept=".csv,text/csv" />
            </label>
            <button type="submit" className="btn btn-primary" disabled={imp.isPending}>
              {t("payments.recon.import")}
            </button>
            <button type="button" className="btn" onClick={() => void onSample()}>
              {t("payments.recon.sample")}
            </button>
          </form>
        )}
        {localError && (
          <p role="alert" className="form-error">
            {localError}
          </p>
        )}
        {imp.isError && (
          <p role="alert" className="form-error">
            {imp.error.message}
          </p>
        )}
        {imp.data && (
          <p role="status" className="ok-banner">
            {t("payments.recon.imported", { matched: imp.data.matched, breaks: imp.data.breaks })}
          </p>
        )}
      </section>
      <section className="panel">
        <h2>{t("payments.recon.runs")}</h2>
        {runs.isPending && <p className="muted">{t("common.loading")}</p>}
        {runs.isError && (
          <p role="alert" className="form-error">
            {runs.error.message}
          </p>
        )}
        {runs.data && runs.data.length === 0 && <p className="muted">{t("payments.recon.noRuns")}</p>}
        {runs.data && runs.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("payments.recon.date")}</th>
                <th scope="col">{t("payments.recon.file")}</th>
                <th scope="col" className="num">
                  {t("payments.recon.matched")}
                </th>
                <th scope="col" className="num">
                  {t("payments.recon.breaks")}
                </th>
                <th scope="col">{t("payments.deposits.received")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {runs.data.map((r) => (
                <tr key={r.id} tabIndex={0} aria-selected={r.id === current}>
                  <td>{r.statementDate}</td>
                  <td className="mono">{r.fileName}</td>
                  <td className="num">{r.matched}</td>
                  <td className={`num ${r.breaks > 0 ? "up" : ""}`}>{r.breaks}</td>
                  <td>{fmt.dateTime(new Date(r.createdAt))}</td>
                  <td>
                    <button type="button" className="btn" onClick={() => setRunId(r.id)}>
                      {t("payments.queue.open")}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {current && <ReconciliationItems runId={current} canManage={canManage} />}
    </div>
  );
}
