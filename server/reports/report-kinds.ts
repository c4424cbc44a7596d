// The report kinds, their titles, who may read them and how their stored data becomes a document.
import type { Permission } from "../auth/roles";
import { incidentSections, type IncidentData, type IncidentWriteUp } from "./incident-review";
import { regulatorySections, type RegulatoryData } from "./regulatory";
import type { Bilingual, ReportDocument, ReportSection } from "./report-document";
import { INSTITUTION } from "./report-document";
import { stressSummarySections, type StressSummaryData } from "./stress-summary";
import { weeklyRiskSections, type WeeklyRiskData } from "./weekly-risk";

export const REPORT_KINDS = ["WEEKLY_RISK", "MONTHLY_STRESS", "REGULATORY", "INCIDENT_REVIEW"] as const;
export type ReportKind = (typeof REPORT_KINDS)[number];

export const REPORT_TITLES: Record<ReportKind, Bilingual> = {
  WEEKLY_RISK: { en: "Weekly Risk Report", zh: "每周风险报告" },
  MONTHLY_STRESS: { en: "Monthly Stress Test Summary", zh: "月度压力测试摘要" },
  REGULATORY: { en: "Regulatory Report", zh: "监管报告" },
  INCIDENT_REVIEW: { en: "Incident Review", zh: "事件复盘报告" },
};

/** The permission that lets a person read a kind (regulatory reports carry STRs: compliance only). */
export const VIEW_PERMISSION: Record<ReportKind, Permission> = {
  WEEKLY_RISK: "reports.view",
  MONTHLY_STRESS: "reports.view",
  INCIDENT_REVIEW: "reports.view",
  REGULATORY: "reports.regulatory.view",
};

export function isReportKind(v: string): v is ReportKind {
  return (REPORT_KINDS as readonly string[]).includes(v);
}

export interface StoredReport {
  id: string;
  kind: string;
  periodKey: string;
  periodStart: Date;
  periodEnd: Date;
  status: string;
  title: string;
  data: unknown;
  dataHash: string;
  auditHeadId: number | null;
  auditHeadHash: string | null;
  generatedAt: Date;
  writeUp: unknown;
}

export function sectionsOf(kind: ReportKind, data: unknown, writeUp: unknown): ReportSection[] {
  switch (kind) {
    case "WEEKLY_RISK":
      return weeklyRiskSections(data as WeeklyRiskData);
    case "MONTHLY_STRESS":
      return stressSummarySections(data as StressSummaryData);
    case "REGULATORY":
      return regulatorySections(data as RegulatoryData);
    case "INCIDENT_REVIEW":
      return incidentSections(data as IncidentData, (writeUp as IncidentWriteUp | null) ?? null);
  }
}

export function toReportDocument(r: StoredReport): ReportDocument {
  const kind = isReportKind(r.kind) ? r.kind : "WEEKLY_RISK";
  const base = REPORT_TITLES[kind];
  const title = kind === "INCIDENT_REVIEW" ? { en: `${base.en}: ${r.title}`, zh: `${base.zh}：${r.title}` } : base;
  return {
    kind,
    title,
    period: { start: r.periodStart.toISOString(), end: r.periodEnd.toISOString(), label: r.periodKey },
    institution: INSTITUTION,
    generatedAt: r.generatedAt.toISOString(),
    dataHash: r.dataHash,
    auditHead: r.auditHeadId !== null && r.auditHeadHash ? { id: r.auditHeadId, hash: r.auditHeadHash } : null,
    status: r.status,
    sections: sectionsOf(kind, r.data, r.writeUp),
  };
}
