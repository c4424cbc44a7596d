"use client";
// Open and escalated margin calls across the book (R3), nearest deadline first, each linked to
// its account (where the desk can escalate it).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { RiskStatus } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { StatusBadge } from "./status-badge";

export function OpenMarginCalls() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.risk.marginCalls.queryOptions(), refetchInterval: useChangePoll(10_000) });
  return (
    <section className="panel" aria-labelledby="open-calls-title">
      <div className="panel-head">
        <h2 id="open-calls-title">{t("risk.calls.title")}</h2>
        {q.data && <span className="muted">{fmt.integer(q.data.length)}</span>}
      </div>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data?.length === 0 && <p className="muted">{t("risk.account.callsNone")}</p>}
      {q.data && q.data.length > 0 && (
        <div style={{ maxHeight: "24rem", overflow: "auto" }}>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("risk.list.code")}</th>
                <th scope="col">{t("risk.list.client")}</th>
                <th scope="col">{t("risk.fig.status")}</th>
                <th scope="col">{t("risk.account.worst")}</th>
                <th scope="col" className="num">
                  {t("risk.account.required")}
                </th>
                <th scope="col">{t("risk.account.opened")}</th>
                <th scope="col">{t("risk.account.deadline")}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.map((c) => (
                <tr key={c.id} tabIndex={0}>
                  <td className="mono">
                    <Link href={`/accounts/${encodeURIComponent(c.accountId)}`}>{c.accountCode}</Link>
                  </td>
                  <td>{c.clientName}</td>
                  <td>{t(`risk.account.callStatus.${c.status as "OPEN" | "ESCALATED" | "CLOSED"}`)}</td>
                  <td>
                    <StatusBadge status={c.worstStatus as RiskStatus} />
                  </td>
                  <td className="num">{fmt.money(c.requiredDeposit)}</td>
                  <td>{fmt.dateTime(c.openedMinute.getTime() + 60_000)}</td>
                  <td className={c.status === "ESCALATED" ? "up" : undefined}>{fmt.dateTime(c.deadline)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
