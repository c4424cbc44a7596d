"use client";
// The compliance case queue (S5): open cases by priority, then the nearest SLA deadline; a
// breached SLA is shown in words and colour. Also the flagged-accounts list (same rows, account first).
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import styles from "./surveillance.module.css";
import { useNow } from "../ui/use-now";
import { formatDuration, priorityBand } from "./format";

export function RuleChips({ rules }: { rules: readonly string[] }) {
  const { t } = useI18n();
  return (
    <span className={styles.chips}>
      {rules.map((r) => (
        <span key={r} className={styles.chip} title={r}>
          {t(`surveillance.rule.${r as "WASH_TRADE"}`)}
        </span>
      ))}
    </span>
  );
}

export function PriorityBadge({ p }: { p: number }) {
  const band = priorityBand(p);
  return (
    <span className={`${styles.badge} ${band === "high" ? styles.danger : band === "medium" ? styles.warn : ""}`}>
      {p}
    </span>
  );
}

export function CaseQueue({ mode }: { mode: "cases" | "flagged" }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const now = useNow(30_000);
  const q = useQuery({
    ...(mode === "cases" ? trpc.surveillance.cases.queryOptions() : trpc.surveillance.flagged.queryOptions()),
    refetchInterval: useChangePoll(15_000),
  });
  const ns = mode === "cases" ? "queue" : "flagged";
  return (
    <section className="panel">
      <h1>{t(`surveillance.${ns}.title`)}</h1>
      <p className="muted">{t(`surveillance.${ns}.hint`)}</p>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.length === 0 && <p className="muted">{t(`surveillance.${ns}.empty`)}</p>}
      {q.data && q.data.length > 0 && (
        <table className="table" data-testid="case-queue">
          <thead>
            <tr>
              <th scope="col" className="num">
                {t("surveillance.queue.priority")}
              </th>
              <th scope="col">{t("surveillance.queue.account")}</th>
              <th scope="col">{t("surveillance.queue.rules")}</th>
              <th scope="col">{t("surveillance.queue.status")}</th>
              {mode === "cases" && <th scope="col">{t("surveillance.queue.sla")}</th>}
              {mode === "cases" && <th scope="col">{t("surveillance.queue.assignee")}</th>}
              <th scope="col" className="num">
                {t("surveillance.queue.score")}
              </th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {q.data.map((c) => {
              const left = new Date(c.slaDueAt).getTime() - now;
              return (
                <tr key={c.id} tabIndex={0}>
                  <td className="num">
                    <PriorityBadge p={c.priority} />
                  </td>
                  <td>
                    <Link href={`/accounts/${encodeURIComponent(c.accountId)}`} className="mono">
                      {c.accountCode}
                    </Link>{" "}
                    {c.clientName}
                  </td>
                  <td>
                    <RuleChips rules={c.rules} />
                  </td>
                  <td>{t(`surveillance.status.${c.status as "OPEN"}`)}</td>
                  {mode === "cases" && (
                    <td className={left < 0 ? styles.breached : undefined}>
                      {left < 0
                        ? t("surveillance.queue.breached", { t: formatDuration(left) })
                        : t("surveillance.queue.dueIn", { t: formatDuration(left) })}
                      <br />
                      <span className="muted">{fmt.dateTime(new Date(c.slaDueAt))}</span>
                    </td>
                  )}
                  {mode === "cases" && (
                    <td>{c.assignee ?? <span className="muted">{t("surveillance.queue.unassigned")}</span>}</td>
                  )}
                  <td className="num">{c.anomalyScore === null ? "—" : fmt.number(c.anomalyScore, 3)}</td>
                  <td>
                    <Link href={`/compliance/cases/${c.id}`} className="btn">
                      {t("surveillance.queue.open")}
                    </Link>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
