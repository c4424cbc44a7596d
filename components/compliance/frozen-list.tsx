"use client";
// Compliance: frozen withdrawals with their reason and the client's appeal; each opens the detail
// page, where compliance lifts or confirms the freeze.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { HitChips, ScoreBadge } from "../payments/aml-hits";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";

export function FrozenList() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.payments.withdrawals.queryOptions({ statuses: ["FROZEN"] }),
    refetchInterval: useChangePoll(10_000),
  });
  return (
    <section className="panel">
      <h1>{t("payments.frozen.title")}</h1>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.length === 0 && <p className="muted">{t("payments.frozen.empty")}</p>}
      {q.data && q.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("payments.queue.amount")}
              </th>
              <th scope="col">{t("payments.queue.client")}</th>
              <th scope="col" className="num">
                {t("payments.queue.score")}
              </th>
              <th scope="col">{t("payments.queue.hits")}</th>
              <th scope="col">{t("payments.frozen.reason")}</th>
              <th scope="col">{t("payments.frozen.frozenFrom")}</th>
              <th scope="col">{t("payments.frozen.appeal")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {q.data.map((w) => (
              <tr key={w.id} tabIndex={0}>
                <td className="num">{fmt.money(w.amount)}</td>
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
                <td>{w.frozenReason}</td>
                <td>{w.frozenFrom ? t(`payments.status.${w.frozenFrom as "SENT"}`) : "—"}</td>
                <td>{w.appealText ?? <span className="muted">{t("payments.frozen.noAppeal")}</span>}</td>
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
