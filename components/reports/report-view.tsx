"use client";
// One report in the browser: the title block (institution, period, hashes, integrity), the
// downloads (CSV with BOM, PDF rendered on the server), the sections, and for an incident review
// the write-up and the sign-off.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import type { ReportKind } from "@/server/reports/report-kinds";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { IncidentPanel } from "./incident-panel";
import { ReportSectionView, useLabel } from "./report-section";
import styles from "./reports.module.css";

export function ReportView({ id, userId }: { id: string; userId: string }) {
  const { t, fmt } = useI18n();
  const label = useLabel();
  const trpc = useTRPC();
  const q = useQuery(trpc.reports.get.queryOptions({ id }));
  const access = useQuery(trpc.reports.visibleKinds.queryOptions());
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <section className="panel">
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
        <Link href="/reports">{t("reports.view.back")}</Link>
      </section>
    );
  const r = q.data;
  const d = r.document;
  const base = `/api/v1/reports/${encodeURIComponent(r.id)}`;
  return (
    <div className="stack">
      <section className="panel stack">
        <p className="small">
          <Link href="/reports">← {t("reports.view.back")}</Link>
        </p>
        <div className="panel-head">
          <h1>{label(d.title)}</h1>
          <div className="actions">
            <a className="btn" href={`${base}/csv`} download>
              {t("reports.view.downloadCsv")}
            </a>
            <a className="btn btn-primary" href={`${base}/pdf`} download>
              {t("reports.view.downloadPdf")}
            </a>
          </div>
        </div>
        <dl className={styles.meta}>
          <dt>{t("reports.view.institution")}</dt>
          <dd>{label(d.institution)}</dd>
          <dt>{t("reports.period")}</dt>
          <dd>
            <span className="mono">{d.period.label}</span>: {fmt.dateTime(new Date(d.period.start))} –{" "}
            {fmt.dateTime(new Date(d.period.end))}
          </dd>
          <dt>{t("reports.status")}</dt>
          <dd>{t(`reports.statuses.${r.status as "FINAL"}`)}</dd>
          <dt>{t("reports.generated")}</dt>
          <dd>
            {fmt.dateTime(new Date(d.generatedAt))} · {r.generatedByEmail ?? t("reports.scheduler")}
          </dd>
          <dt>{t("reports.view.dataHash")}</dt>
          <dd className="mono small">{d.dataHash}</dd>
          <dt>{t("reports.view.auditHead")}</dt>
          <dd className="mono small">
            {d.auditHead ? `#${d.auditHead.id} ${d.auditHead.hash}` : t("reports.view.emptyChain")}
          </dd>
        </dl>
        {r.dataIntact ? (
          <p className="muted small">{t("reports.view.intact")}</p>
        ) : (
          <p role="alert" className="form-error">
            {t("reports.view.tampered")}
          </p>
        )}
      </section>
      {(r.kind as ReportKind) === "INCIDENT_REVIEW" && access.data && (
        <IncidentPanel
          report={r}
          userId={userId}
          canWrite={access.data.canWriteIncident}
          canSignOff={access.data.canSignOff}
        />
      )}
      {d.sections.map((s) => (
        <ReportSectionView key={s.id} section={s} />
      ))}
    </div>
  );
}
