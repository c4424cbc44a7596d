"use client";
// Deposits (P1) with their status on the rails, and the ledger agreement check (P2).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";

export function DepositsTable() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.payments.deposits.queryOptions({}), refetchInterval: useChangePoll(10_000) });
  const check = useQuery(trpc.payments.ledgerCheck.queryOptions());
  return (
    <div className="stack">
      <section className="panel">
        <h2>{t("payments.deposits.ledger")}</h2>
        {check.isPending && <p className="muted">{t("common.loading")}</p>}
        {check.isError && (
          <p role="alert" className="form-error">
            {check.error.message}
          </p>
        )}
        {check.data &&
          (check.data.ok ? (
            <p className="ok-banner" data-testid="ledger-check">
              {t("payments.deposits.ledgerOk")}
            </p>
          ) : (
            <p role="alert" className="form-error" data-testid="ledger-check">
              {t("payments.deposits.ledgerBad", {
                accounts: [...check.data.disagreeingAccounts, ...check.data.unbalancedEntries].join(", "),
              })}
            </p>
          ))}
      </section>
      <section className="panel">
        <h1>{t("payments.deposits.title")}</h1>
        {q.isPending && <p className="muted">{t("common.loading")}</p>}
        {q.isError && (
          <p role="alert" className="form-error">
            {q.error.message}
          </p>
        )}
        {q.data && q.data.length === 0 && <p className="muted">{t("payments.deposits.empty")}</p>}
        {q.data && q.data.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("payments.deposits.received")}</th>
                <th scope="col">{t("payments.queue.client")}</th>
                <th scope="col" className="num">
                  {t("payments.queue.amount")}
                </th>
                <th scope="col">{t("payments.queue.channel")}</th>
                <th scope="col">{t("payments.deposits.reference")}</th>
                <th scope="col">{t("payments.deposits.payer")}</th>
                <th scope="col">{t("payments.detail.status")}</th>
                <th scope="col">{t("payments.deposits.confirmed")}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((d) => (
                <tr key={d.id} tabIndex={0}>
                  <td>{fmt.dateTime(new Date(d.createdAt))}</td>
                  <td>
                    <Link href={`/accounts?search=${encodeURIComponent(d.accountCode)}`} className="mono">
                      {d.accountCode}
                    </Link>{" "}
                    {d.clientName}
                  </td>
                  <td className="num">{fmt.money(d.amount)}</td>
                  <td>{t(`payments.channel.${d.channel as "ACH"}`)}</td>
                  <td className="mono">{d.reference}</td>
                  <td>{d.payerName}</td>
                  <td>{t(`payments.status.${d.status as "PENDING"}`)}</td>
                  <td>{d.confirmedAt ? fmt.dateTime(new Date(d.confirmedAt)) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
