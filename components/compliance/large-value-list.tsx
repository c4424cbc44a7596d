"use client";
// P4 large-value transaction reports (PBOC thresholds) with CSV export for the submission.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { downloadText } from "../payments/download";
import { useTRPC } from "../trpc/react";

export function LargeValueList() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.payments.largeValue.queryOptions({}));
  const [error, setError] = useState<string | null>(null);
  async function onExport() {
    setError(null);
    try {
      const csv = await qc.fetchQuery({ ...trpc.payments.largeValueCsv.queryOptions(), staleTime: 0 });
      downloadText(`large-value-reports-${new Date().toISOString().slice(0, 10)}.csv`, csv);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <section className="panel">
      <div className="panel-head">
        <h1>{t("payments.largeValue.title")}</h1>
        <button type="button" className="btn" onClick={() => void onExport()}>
          {t("payments.largeValue.export")}
        </button>
      </div>
      <p className="muted">{t("payments.largeValue.intro")}</p>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.length === 0 && <p className="muted">{t("payments.largeValue.empty")}</p>}
      {q.data && q.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("payments.largeValue.created")}</th>
              <th scope="col">{t("payments.largeValue.category")}</th>
              <th scope="col" className="num">
                {t("payments.largeValue.threshold")}
              </th>
              <th scope="col" className="num">
                {t("payments.queue.amount")}
              </th>
              <th scope="col">{t("payments.largeValue.type")}</th>
              <th scope="col">{t("payments.queue.client")}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((r) => (
              <tr key={r.id} tabIndex={0}>
                <td>{fmt.dateTime(new Date(r.createdAt))}</td>
                <td>{t(`payments.largeValue.categories.${r.category as "CASH"}`)}</td>
                <td className="num">{fmt.money(r.threshold)}</td>
                <td className="num">{fmt.money(r.amount)}</td>
                <td>
                  {r.refType === "Withdrawal" ? (
                    <Link href={`/payments/approvals/${r.refId}`}>{t("payments.largeValue.types.Withdrawal")}</Link>
                  ) : (
                    t("payments.largeValue.types.Deposit")
                  )}
                </td>
                <td>
                  <Link href={`/accounts?search=${encodeURIComponent(r.accountCode)}`} className="mono">
                    {r.accountCode}
                  </Link>{" "}
                  {r.clientName}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
