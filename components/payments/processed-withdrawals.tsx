"use client";
// Processed withdrawals: approved items after the rail took them (SENT, SETTLED, FAILED, REVERSED),
// so one that fails at the rail does not vanish from the approver's sight. Failed and reversed items
// show the rail's reason; ?withdrawal=<id> (a notification's link) highlights that row.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import type { MessageKey } from "../i18n/config";
import { useChangePoll } from "../live/live-changes";
import { useTRPC } from "../trpc/react";

const PROCESSED = ["SENT", "SETTLED", "FAILED", "REVERSED"] as const;
type Processed = (typeof PROCESSED)[number];

export function ProcessedWithdrawals() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const highlight = useSearchParams().get("withdrawal");
  const [show, setShow] = useState<Processed | "ALL">("ALL");
  const statuses = show === "ALL" ? [...PROCESSED] : [show];
  const q = useQuery({
    ...trpc.payments.withdrawals.queryOptions({ statuses, limit: 200 }),
    refetchInterval: useChangePoll(10_000),
  });
  const rows = [...(q.data ?? [])].sort(
    (a, b) => (b.sentAt?.getTime() ?? b.createdAt.getTime()) - (a.sentAt?.getTime() ?? a.createdAt.getTime()),
  );
  return (
    <section className="panel stack">
      <h1>{t("notify.processed.title")}</h1>
      <p className="muted">{t("notify.processed.intro")}</p>
      <label className="inline-field">
        {t("notify.processed.filter")}{" "}
        <select
          value={show}
          onChange={(e) => setShow(e.target.value as Processed | "ALL")}
          data-testid="processed-filter"
        >
          <option value="ALL">{t("notify.processed.all")}</option>
          {PROCESSED.map((s) => (
            <option key={s} value={s}>
              {t(`payments.status.${s}` as MessageKey)}
            </option>
          ))}
        </select>
      </label>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && rows.length === 0 && <p className="muted">{t("notify.processed.empty")}</p>}
      {rows.length > 0 && (
        <table className="table" data-testid="processed-table">
          <thead>
            <tr>
              <th scope="col">{t("notify.processed.account")}</th>
              <th scope="col" className="num">
                {t("notify.processed.amount")}
              </th>
              <th scope="col">{t("notify.processed.channel")}</th>
              <th scope="col">{t("notify.processed.status")}</th>
              <th scope="col">{t("notify.processed.sent")}</th>
              <th scope="col">{t("notify.processed.settled")}</th>
              <th scope="col">{t("notify.processed.reason")}</th>
              <th scope="col">{t("notify.processed.approvers")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((w) => (
              <tr
                key={w.id}
                data-status={w.status}
                aria-current={w.id === highlight ? "true" : undefined}
                className={w.id === highlight ? "row-highlight" : undefined}
              >
                <td>
                  <Link href={`/payments/approvals/${encodeURIComponent(w.id)}`}>
                    {w.accountCode} {w.clientName}
                  </Link>
                </td>
                <td className="num">{fmt.money(w.amount)}</td>
                <td>{t(`payments.channel.${w.channel}` as MessageKey)}</td>
                <td>{t(`payments.status.${w.status}` as MessageKey)}</td>
                <td>{w.sentAt ? fmt.dateTime(w.sentAt) : "—"}</td>
                <td>{w.settledAt ? fmt.dateTime(w.settledAt) : "—"}</td>
                <td data-testid="failure-reason">{w.failureReason ?? "—"}</td>
                <td>{w.approvals.map((a) => a.approverEmail).join(", ") || "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
