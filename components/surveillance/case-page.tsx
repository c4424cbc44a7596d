"use client";
// A surveillance case (S5): the account and its risk, the controls in force, the evidence of each
// hit (orders, trades and payments, linked accounts as links), the linked-account graph, the
// timeline, and the officer's actions.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import styles from "./surveillance.module.css";
import { CaseActions } from "./case-actions";
import { CaseFeatures } from "./case-features";
import { PriorityBadge, RuleChips } from "./case-queue";
import { LinkedGraph } from "./linked-graph";

type Evidence = { orders?: string[]; trades?: string[]; payments?: string[]; truncated?: boolean };

function Ids({ ids, href }: { ids: readonly string[]; href?: (id: string) => string }) {
  return (
    <span className={`${styles.ids} mono`}>
      {ids.map((id) =>
        href ? (
          <Link key={id} href={href(id)}>
            {id}
          </Link>
        ) : (
          <span key={id}>{id}</span>
        ),
      )}
    </span>
  );
}

export function CasePage({ caseId, canAct }: { caseId: string; canAct: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.surveillance.case.queryOptions({ id: caseId }),
    refetchInterval: useChangePoll(15_000),
  });
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.data?.code === "NOT_FOUND" ? t("surveillance.case.notFound") : q.error.message}
      </p>
    );
  const c = q.data;
  const accountHref = (id: string) => `/accounts/${encodeURIComponent(id)}`;
  return (
    <div className="stack">
      <p>
        <Link href="/compliance/cases">← {t("surveillance.case.back")}</Link>
      </p>
      <section className="panel" aria-labelledby="case-title">
        <h1 id="case-title">{t("surveillance.case.title", { code: c.account.code })}</h1>
        <dl className="facts">
          <dt>{t("surveillance.case.account")}</dt>
          <dd>
            <Link href={accountHref(c.accountId)} className="mono">
              {c.account.code}
            </Link>{" "}
            {c.account.clientName}
          </dd>
          <dt>{t("surveillance.case.status")}</dt>
          <dd data-testid="case-status">
            {t(`surveillance.status.${c.status as "OPEN"}`)}
            {c.disposition && ` · ${t(`surveillance.disposition.${c.disposition as "WARNING"}`)}`}
          </dd>
          <dt>{t("surveillance.case.priority")}</dt>
          <dd>
            <PriorityBadge p={c.priority} /> <RuleChips rules={c.rules} />
          </dd>
          <dt>{t("surveillance.case.sla")}</dt>
          <dd>{fmt.dateTime(new Date(c.slaDueAt))}</dd>
          <dt>{t("surveillance.case.score")}</dt>
          <dd>{c.anomalyScore === null ? "—" : fmt.number(c.anomalyScore, 3)}</dd>
          <dt>{t("surveillance.case.controls")}</dt>
          <dd data-testid="case-controls">
            {c.controls.frozen && (
              <span className={`${styles.badge} ${styles.danger}`}>{t("surveillance.case.frozen")}</span>
            )}{" "}
            {c.controls.restrictBuys && (
              <span className={`${styles.badge} ${styles.warn}`}>{t("surveillance.case.restricted")}</span>
            )}
            {!c.controls.frozen && !c.controls.restrictBuys && t("surveillance.case.none")}
          </dd>
        </dl>
        <h2>{t("surveillance.case.risk")}</h2>
        {c.risk ? (
          <dl className="facts">
            <dt>{t("surveillance.case.equity")}</dt>
            <dd>{fmt.money(c.risk.equity)}</dd>
            <dt>{t("surveillance.case.marginLevel")}</dt>
            <dd>{c.risk.marginLevel === null ? "—" : fmt.number(c.risk.marginLevel, 3)}</dd>
            <dt>{t("surveillance.case.riskStatus")}</dt>
            <dd>{c.risk.status}</dd>
          </dl>
        ) : (
          <p className="muted">{t("surveillance.case.noRisk")}</p>
        )}
      </section>
      {canAct && (
        <CaseActions
          caseId={c.id}
          accountId={c.accountId}
          accountCode={c.account.code}
          status={c.status}
          version={c.version}
          assigneeId={c.assigneeId}
          controls={c.controls}
        />
      )}
      <section className="panel" aria-labelledby="case-evidence">
        <h2 id="case-evidence">{t("surveillance.case.hits")}</h2>
        <table className="table" data-testid="case-evidence">
          <thead>
            <tr>
              <th scope="col">{t("surveillance.case.rule")}</th>
              <th scope="col" className="num">
                {t("surveillance.case.count")}
              </th>
              <th scope="col">{t("surveillance.case.scope")}</th>
              <th scope="col">{t("surveillance.case.linked")}</th>
              <th scope="col">{t("surveillance.case.lastAt")}</th>
              <th scope="col">{t("surveillance.case.orders")}</th>
              <th scope="col">{t("surveillance.case.trades")}</th>
              <th scope="col">{t("surveillance.case.payments")}</th>
            </tr>
          </thead>
          <tbody>
            {c.hits.map((h) => {
              const ev = h.evidence as Evidence;
              return (
                <tr key={h.id} tabIndex={0}>
                  <td>{t(`surveillance.rule.${h.rule as "WASH_TRADE"}`)}</td>
                  <td className="num">{fmt.integer(h.count)}</td>
                  <td className="mono">{[h.symbol, h.day].filter(Boolean).join(" · ") || "—"}</td>
                  <td>
                    {h.accounts
                      .filter((a) => a !== c.accountId)
                      .map((a) => (
                        <Link key={a} href={accountHref(a)} className="mono">
                          {c.accountCodes[a] ?? a}{" "}
                        </Link>
                      ))}
                  </td>
                  <td>{fmt.dateTime(new Date(h.lastAt))}</td>
                  <td>
                    <Ids ids={(ev.orders ?? []).slice(0, 12)} />
                    {ev.truncated && <span className="muted"> {t("surveillance.case.truncated")}</span>}
                  </td>
                  <td>
                    <Ids ids={(ev.trades ?? []).slice(0, 12)} />
                  </td>
                  <td>
                    <Ids ids={ev.payments ?? []} href={(id) => `/payments/approvals/${encodeURIComponent(id)}`} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <CaseFeatures
        accountId={c.accountId}
        symbols={[...new Set(c.hits.flatMap((h) => (h.symbol ? [h.symbol] : [])))]}
      />
      <LinkedGraph accountId={c.accountId} />
      <section className="panel" aria-labelledby="case-timeline">
        <h2 id="case-timeline">{t("surveillance.case.timeline")}</h2>
        <ol className={styles.timeline}>
          {c.events.map((e) => {
            const d = e.detail as Record<string, unknown>;
            const text = typeof d.text === "string" ? d.text : typeof d.reason === "string" ? d.reason : null;
            return (
              <li key={e.id}>
                <time className="mono">{fmt.dateTime(new Date(e.ts))}</time>{" "}
                <strong>{t(`surveillance.event.${e.kind as "NOTE"}`)}</strong>
                {e.kind === "HIT" &&
                  typeof d.rule === "string" &&
                  ` · ${t(`surveillance.rule.${d.rule as "WASH_TRADE"}`)}`}
                {e.kind === "STATUS" && typeof d.to === "string" && ` → ${t(`surveillance.status.${d.to as "OPEN"}`)}`}
                {e.kind === "APPEAL" &&
                  typeof d.channel === "string" &&
                  ` · ${t(`surveillance.channel.${d.channel as "PHONE"}`)}`}
                {e.actor && <span className="muted"> · {e.actor}</span>}
                {text && <p>{text}</p>}
              </li>
            );
          })}
        </ol>
      </section>
    </div>
  );
}
