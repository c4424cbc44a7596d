"use client";
// T3 drill history: each drill, its response times and what it triggered, compared with the
// previous completed drill of the same kind.
import { useQuery } from "@tanstack/react-query";
import { DRILL_OBSERVE_MINUTES } from "@/server/reports/drills/drill-constants";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

const STAGES = [
  ["alertsMs", "reports.drills.alerts"],
  ["ticketsMs", "reports.drills.tickets"],
  ["executionsMs", "reports.drills.executions"],
  ["deskNotifiedMs", "reports.drills.desk"],
] as const;

export function DrillHistory() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery(trpc.reports.drills.queryOptions({ limit: 50 }));
  const ms = (v: number | null | undefined) =>
    v === null || v === undefined ? t("reports.drills.notSeen") : t("reports.drills.ms", { n: fmt.integer(v) });
  const delta = (v: number | null | undefined) =>
    v === null || v === undefined ? null : `${v > 0 ? "+" : ""}${t("reports.drills.ms", { n: fmt.integer(v) })}`;
  return (
    <section className="panel stack">
      <div className="panel-head">
        <h1>{t("reports.drills.title")}</h1>
      </div>
      <p className="muted">{t("reports.drills.intro", { minutes: DRILL_OBSERVE_MINUTES })}</p>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.length === 0 && <p className="empty-state muted">{t("reports.drills.empty")}</p>}
      {q.data && q.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("reports.drills.kind")}</th>
              <th scope="col">{t("reports.drills.started")}</th>
              <th scope="col">{t("reports.drills.status")}</th>
              {STAGES.map(([k, label]) => (
                <th key={k} scope="col" className="num">
                  {t(label)}
                </th>
              ))}
              <th scope="col">{t("reports.drills.triggered")}</th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((d) => (
              <tr key={d.id} tabIndex={0}>
                <td>
                  <span className="mono">{d.kind}</span>
                  <div className="muted small">{(d.result.symbols ?? []).slice(0, 3).join(", ")}</div>
                </td>
                <td>
                  {fmt.dateTime(new Date(d.startedAt))}
                  <div className="muted small">{d.startedByEmail}</div>
                </td>
                <td>{t(`reports.drills.statuses.${d.status as "COMPLETE"}`)}</td>
                {STAGES.map(([k]) => (
                  <td key={k} className="num">
                    {d.status === "COMPLETE" ? ms(d.measures?.[k]) : "–"}
                    {delta(d.vsPrevious?.[k]) && (
                      <div className="muted small">
                        {t("reports.drills.vsPrevious", { delta: delta(d.vsPrevious?.[k]) ?? "" })}
                      </div>
                    )}
                  </td>
                ))}
                <td className="small">
                  {d.triggered
                    ? t("reports.drills.triggeredValue", {
                        alerts: d.triggered.alerts,
                        tickets: d.triggered.tickets,
                        executions: d.triggered.executions,
                        desk: d.triggered.deskEvents,
                      })
                    : "–"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
