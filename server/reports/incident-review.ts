// T4 incident review: the audit trail of a chosen window assembled as a timeline (every decision
// and action the chain recorded, in chain order), counts per action, the on-call incidents the
// window opened (who was paged, who acknowledged and how fast, how far each escalated), and the
// write-up that a second person signs off.
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

/** One on-call incident opened in the window (server/oncall): the pages of one event, grouped. */
export interface PagedIncident {
  id: string;
  title: string;
  titleZh: string;
  severity: string;
  status: string;
  firstAt: string;
  /** Escalation level reached: 0 = first person only. */
  level: number;
  pages: number;
  occurrences: number;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  link: string;
}

export interface IncidentData {
  title: string;
  events: number;
  byAction: Array<{ action: string; n: number }>;
  timeline: TimelineEntry[];
  /** Absent in reports stored before the section existed. */
  paged?: PagedIncident[];
  pagedTotal?: number;
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
  const incidentWhere = { firstAt: { gte: start, lt: end } };
  const [events, grouped, rows, pagedTotal, incidents] = await Promise.all([
    prisma.auditEvent.count({ where }),
    prisma.auditEvent.groupBy({ by: ["action"], where, _count: { _all: true } }),
    prisma.auditEvent.findMany({
      where,
      orderBy: { id: "asc" },
      take: TIMELINE_CAP,
      select: { id: true, ts: true, actorEmail: true, action: true, targetType: true, targetId: true, hash: true },
    }),
    prisma.oncallIncident.count({ where: incidentWhere }),
    prisma.oncallIncident.findMany({
      where: incidentWhere,
      orderBy: [{ firstAt: "asc" }, { id: "asc" }],
      take: TIMELINE_CAP,
      select: {
        id: true,
        title: true,
        titleZh: true,
        severity: true,
        status: true,
        firstAt: true,
        level: true,
        occurrences: true,
        acknowledgedById: true,
        acknowledgedAt: true,
        link: true,
        _count: { select: { pages: true } },
      },
    }),
  ]);
  const ackIds = [...new Set(incidents.flatMap((i) => (i.acknowledgedById ? [i.acknowledgedById] : [])))];
  const ackBy = new Map(
    (await prisma.user.findMany({ where: { id: { in: ackIds } }, select: { id: true, email: true } })).map((u) => [
      u.id,
      u.email,
    ]),
  );
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
    pagedTotal,
    paged: incidents.map((i) => ({
      id: i.id,
      title: i.title,
      titleZh: i.titleZh,
      severity: i.severity,
      status: i.status,
      firstAt: i.firstAt.toISOString(),
      level: i.level,
      pages: i._count.pages,
      occurrences: i.occurrences,
      acknowledgedBy: i.acknowledgedById ? (ackBy.get(i.acknowledgedById) ?? i.acknowledgedById) : null,
      acknowledgedAt: i.acknowledgedAt?.toISOString() ?? null,
      link: i.link,
    })),
  };
}

/** Minutes from the first page to the acknowledgement ("4.5 min"), or "-" while unacknowledged. */
export function timeToAcknowledge(firstAt: string, acknowledgedAt: string | null): string {
  if (!acknowledgedAt) return "-";
  const min = (Date.parse(acknowledgedAt) - Date.parse(firstAt)) / 60_000;
  return `${min.toFixed(1)} min`;
}

function pagedSection(d: IncidentData): ReportSection {
  const paged = d.paged ?? [];
  const total = d.pagedTotal ?? paged.length;
  return {
    kind: "table",
    id: "paged",
    heading: { en: "On-call incidents (pages to the duty team)", zh: "值班告警事件（呼叫值班团队）" },
    columns: [
      { en: "First page (Asia/Shanghai)", zh: "首次呼叫（北京时间）" },
      { en: "Incident", zh: "事件" },
      { en: "Severity", zh: "级别" },
      { en: "Status", zh: "状态" },
      { en: "Pages", zh: "呼叫次数" },
      { en: "Escalation level", zh: "升级层级" },
      { en: "Acknowledged by", zh: "确认人" },
      { en: "Time to acknowledge", zh: "确认用时" },
    ],
    numeric: [4, 5, 7],
    rows: paged.map((i) => [
      fmtShanghai(i.firstAt),
      i.titleZh && i.titleZh !== i.title ? `${i.title} / ${i.titleZh}` : i.title,
      i.severity,
      i.status,
      fmtInt(i.pages),
      String(i.level),
      i.acknowledgedBy ?? "-",
      timeToAcknowledge(i.firstAt, i.acknowledgedAt),
    ]),
    links: paged.map((i) => i.link || null),
    linkColumn: 1,
    empty: { en: "No on-call incident was opened in this window.", zh: "该时间段没有值班告警事件。" },
    note:
      total > paged.length
        ? {
            en: `First ${fmtInt(paged.length)} of ${fmtInt(total)} incidents.`,
            zh: `显示前 ${fmtInt(paged.length)} 个，共 ${fmtInt(total)} 个。`,
          }
        : undefined,
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
    pagedSection(d),
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
