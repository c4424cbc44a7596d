// T4 incident review: the audit trail of a chosen window assembled as a timeline (every decision
// and action the chain recorded, in chain order), counts per action, and the write-up that a
// second person signs off.
import type { PrismaClient } from "../db/generated/client";
import { fmtInt, fmtShanghai, type ReportSection } from "./report-document";

/** At most this many events are listed; the counts cover the whole window. */
export const TIMELINE_CAP = 2_000;
/** The longest window an incident review may cover. */
export const INCIDENT_MAX_WINDOW_MS = 7 * 86_400_000;

export interface TimelineEntry {
  id: number;
  ts: string;
  actor: string | null;
  action: string;
  target: string | null;
  hash: string;
}

export interface IncidentData {
  title: string;
  events: number;
  byAction: Array<{ action: string; n: number }>;
  timeline: TimelineEntry[];
}

export interface IncidentWriteUp {
  summary: string;
  impact: string;
  rootCause: string;
  actions: string;
}

export async function collectIncident(
  prisma: PrismaClient,
  title: string,
  start: Date,
  end: Date,
): Promise<IncidentData> {
  const where = { ts: { gte: start, lt: end } };
  const [events, grouped, rows] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.groupBy({ by: ["action"], where, _count: { _all: true } }),
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: "asc" },
      take: TIMELINE_CAP,
      select: { id: true, ts: true, actorEmail: true, action: true, targetType: true, targetId: true, hash: true },
    }),
  ]);
  return {
    title,
    events,
    byAction: grouped
      .map((g) => ({ action: g.action, n: g._count._all }))
      .sort((a, b) => b.n - a.n || a.action.localeCompare(b.action)),
    timeline: rows.map((r) => ({
      id: r.id,
      ts: r.ts.toISOString(),
      actor: r.actorEmail,
      action: r.action,
      target: r.targetType ? `${r.targetType}:${r.targetId ?? ""}` : null,
      hash: r.hash,
    })),
  };
}

/** The console page of an audit target, where there is one. */
function targetLink(target: string | null): string | null {
  if (!target) return null;
  const [type, id] = target.split(":");
  if (!id) return null;
  if (type === "Account" || type === "account") return `/accounts/${id}`;
  return null;
}

export function incidentSections(d: IncidentData, w: IncidentWriteUp | null): ReportSection[] {
  const writeUp: ReportSection[] = w
    ? [
        { kind: "text", id: "summary", heading: { en: "Summary", zh: "概述" }, body: w.summary },
        { kind: "text", id: "impact", heading: { en: "Impact", zh: "影响" }, body: w.impact },
        { kind: "text", id: "root-cause", heading: { en: "Root cause", zh: "根本原因" }, body: w.rootCause },
        { kind: "text", id: "actions", heading: { en: "Actions", zh: "整改措施" }, body: w.actions },
      ]
    : [
        {
          kind: "text",
          id: "summary",
          heading: { en: "Write-up", zh: "事件说明" },
          body: "Not written yet. / 尚未填写。",
        },
      ];
  return [
    ...writeUp,
    {
      kind: "chart",
      id: "by-action",
      heading: { en: "Audit events by action (top 12)", zh: "审计事件（按动作，前 12）" },
      unit: { en: "events", zh: "条" },
      bars: d.byAction.slice(0, 12).map((a) => ({ label: a.action, value: a.n })),
      empty: { en: "The audit trail has no event in this window.", zh: "该时间段审计链没有事件。" },
    },
    {
      kind: "table",
      id: "timeline",
      heading: { en: "Timeline (audit trail)", zh: "时间线（审计链）" },
      columns: [
        { en: "#", zh: "序号" },
        { en: "Time (Asia/Shanghai)", zh: "时间（北京时间）" },
        { en: "Actor", zh: "操作人" },
        { en: "Action", zh: "动作" },
        { en: "Target", zh: "对象" },
        { en: "Event hash", zh: "事件哈希" },
      ],
      numeric: [0],
      rows: d.timeline.map((e) => [
        String(e.id),
        fmtShanghai(e.ts),
        e.actor ?? "system",
        e.action,
        e.target ?? "",
        e.hash.slice(0, 16),
      ]),
      links: d.timeline.map((e) => targetLink(e.target)),
      linkColumn: 4,
      empty: { en: "The audit trail has no event in this window.", zh: "该时间段审计链没有事件。" },
      note:
        d.events > d.timeline.length
          ? {
              en: `First ${fmtInt(d.timeline.length)} of ${fmtInt(d.events)} events.`,
              zh: `显示前 ${fmtInt(d.timeline.length)} 条，共 ${fmtInt(d.events)} 条。`,
            }
          : undefined,
    },
  ];
}
