"use client";
// The report archive: every report the reader may see, newest first, filtered by kind; generate a
// report (the period running now, or a past one); open an incident review on a time window.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ReportKind } from "@/server/reports/report-kinds";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { IncidentOpenForm } from "./incident-open-form";

type PeriodicKind = Exclude<ReportKind, "INCIDENT_REVIEW">;

export function ReportsArchive() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const router = useRouter();
  const [kind, setKind] = useState<ReportKind | "">("");
  const access = useQuery(trpc.reports.visibleKinds.queryOptions());
  const list = useInfiniteQuery(
    trpc.reports.list.infiniteQueryOptions(
      { kind: kind || undefined, limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const [genKind, setGenKind] = useState<PeriodicKind>("WEEKLY_RISK");
  const [period, setPeriod] = useState("");
  const generate = useMutation(
    trpc.reports.generate.mutationOptions({
      onSuccess: async (r) => {
        await qc.invalidateQueries({ queryKey: trpc.reports.list.pathKey() });
        router.push(`/reports/${r.id}`);
      },
    }),
  );
  const kinds = access.data?.kinds ?? [];
  const periodic = kinds.filter((k): k is PeriodicKind => k !== "INCIDENT_REVIEW");
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <div className="stack">
      <section className="panel stack">
        <div className="panel-head">
          <h1>{t("reports.title")}</h1>
        </div>
        <p className="muted">{t("reports.intro")}</p>
        <div className="filters">
          <label className="inline-field">
            {t("reports.filterKind")}
            <select value={kind} onChange={(e) => setKind(e.target.value as ReportKind | "")}>
              <option value="">{t("reports.allKinds")}</option>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {t(`reports.kinds.${k}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        {list.isPending && <p className="muted">{t("common.loading")}</p>}
        {list.isError && (
          <p role="alert" className="form-error">
            {list.error.message}
          </p>
        )}
        {list.data && items.length === 0 && <p className="empty-state muted">{t("reports.empty")}</p>}
        {items.length > 0 && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("reports.filterKind")}</th>
                <th scope="col">{t("reports.period")}</th>
                <th scope="col">{t("reports.status")}</th>
                <th scope="col">{t("reports.generated")}</th>
                <th scope="col">{t("reports.by")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr
                  key={r.id}
                  tabIndex={0}
                  onKeyDown={(e) => {
                    if (e.key === "Enter") router.push(`/reports/${r.id}`);
                  }}
                >
                  <td>
                    <Link href={`/reports/${r.id}`}>
                      {t(`reports.kinds.${r.kind as ReportKind}`)}
                      {r.kind === "INCIDENT_REVIEW" ? `: ${r.title}` : ""}
                    </Link>
                  </td>
                  <td className="mono">
                    {r.kind === "INCIDENT_REVIEW"
                      ? `${fmt.dateTime(new Date(r.periodStart))} – ${fmt.dateTime(new Date(r.periodEnd))}`
                      : r.periodKey}
                  </td>
                  <td>{t(`reports.statuses.${r.status as "FINAL"}`)}</td>
                  <td>{fmt.dateTime(new Date(r.generatedAt))}</td>
                  <td>{r.generatedByEmail ?? t("reports.scheduler")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {list.hasNextPage && (
          <button
            type="button"
            className="btn"
            onClick={() => void list.fetchNextPage()}
            disabled={list.isFetchingNextPage}
          >
            {t("reports.more")}
          </button>
        )}
      </section>
      {access.data?.canGenerate && periodic.length > 0 && (
        <section className="panel stack" aria-labelledby="generate-title">
          <h2 id="generate-title">{t("reports.generateFor")}</h2>
          <form
            className="form-grid"
            onSubmit={(e) => {
              e.preventDefault();
              generate.mutate({ kind: genKind, period: period.trim() || undefined });
            }}
          >
            <label>
              {t("reports.filterKind")}
              <select value={genKind} onChange={(e) => setGenKind(e.target.value as PeriodicKind)}>
                {periodic.map((k) => (
                  <option key={k} value={k}>
                    {t(`reports.kinds.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("reports.period")}
              <input value={period} onChange={(e) => setPeriod(e.target.value)} maxLength={10} placeholder="2026-W48" />
              <span className="hint">{t("reports.periodHint")}</span>
            </label>
            <div>
              <button type="submit" className="btn btn-primary" disabled={generate.isPending}>
                {generate.isPending ? t("reports.generating") : t("reports.generate")}
              </button>
            </div>
            {generate.isError && (
              <p role="alert" className="form-error">
                {generate.error.message}
              </p>
            )}
          </form>
        </section>
      )}
      {access.data?.canWriteIncident && <IncidentOpenForm />}
    </div>
  );
}
