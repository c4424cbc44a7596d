// Reports (T4): generation from the real tables, the archive, the incident review's write-up and
// sign-off, and the CSV and PDF exports. Every report stores its data, the data's sha256 and the
// audit chain head it was built after; every generation, write-up, sign-off and export is audited.
import crypto from "node:crypto";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent, normalizeAuditJson } from "../audit/audit-service";
import { canonicalJson, hashSha256Hex } from "../audit/hash-chain";
import { AppError } from "../errors";
import { reportToCsv } from "./csv-export";
import { collectIncident, INCIDENT_MAX_WINDOW_MS, type IncidentWriteUp } from "./incident-review";
import { lastCompleteMonth, lastCompleteWeek, monthOf, weekOf, type Period } from "./period";
import { collectRegulatory } from "./regulatory";
import type { ReportDocument } from "./report-document";
import { REPORT_TITLES, toReportDocument, type ReportKind } from "./report-kinds";
import { collectStressSummary, type StressRunKpiSource } from "./stress-summary";
import { collectWeeklyRisk } from "./weekly-risk";

export interface ReportDeps {
  prisma: PrismaClient;
  /** Stored stress runs (T2), for the monthly stress summary. */
  stressRuns: StressRunKpiSource;
  /** Engine time, epoch ms. */
  now: () => number;
}

export interface Actor {
  id: string;
  email: string;
}

export type PeriodicKind = Exclude<ReportKind, "INCIDENT_REVIEW">;

/** sha256 of the data as stored (numbers at 15 digits, keys sorted): recomputable from the row. */
export function hashReportData(data: unknown): string {
  return hashSha256Hex(canonicalJson(normalizeAuditJson(data)));
}

function periodFor(kind: PeriodicKind, ts: number): Period {
  return kind === "WEEKLY_RISK" ? weekOf(ts) : monthOf(ts);
}

async function collect(deps: ReportDeps, kind: PeriodicKind, p: Period): Promise<unknown> {
  if (kind === "WEEKLY_RISK") return collectWeeklyRisk(deps.prisma, p.start, p.end);
  if (kind === "REGULATORY") return collectRegulatory(deps.prisma, p.start, p.end);
  return collectStressSummary(deps.stressRuns, p.start, p.end);
}

async function auditHead(prisma: PrismaClient) {
  return prisma.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { id: true, hash: true } });
}

/**
 * A periodic report. A period that has ended is FINAL and generated once (the scheduler and a
 * person asking get the same row); the period still running gets a PROVISIONAL report of its own,
 * keyed by the minute it was made, so it never takes the final report's place.
 */
export async function generatePeriodicReport(
  deps: ReportDeps,
  input: { kind: PeriodicKind; at?: number; actor: Actor | null; scheduled?: boolean },
): Promise<{ id: string; created: boolean }> {
  const now = deps.now();
  const p = periodFor(input.kind, input.at ?? now);
  const complete = p.end.getTime() <= now;
  const periodKey = complete
    ? p.key
    : `${p.key} to ${new Date(Math.floor(now / 60_000) * 60_000).toISOString().slice(0, 16)}Z`;
  const existing = await deps.prisma.report.findUnique({
    where: { kind_periodKey: { kind: input.kind, periodKey } },
    select: { id: true },
  });
  if (existing) return { id: existing.id, created: false };
  const head = await auditHead(deps.prisma);
  const data = normalizeAuditJson(await collect(deps, input.kind, p));
  const dataHash = hashReportData(data);
  const title = `${REPORT_TITLES[input.kind].en} ${p.key}`;
  try {
    const row = await deps.prisma.report.create({
      data: {
        kind: input.kind,
        periodKey,
        periodStart: p.start,
        periodEnd: complete ? p.end : new Date(now),
        status: complete ? "FINAL" : "PROVISIONAL",
        title,
        data: data as object,
        dataHash,
        auditHeadId: head?.id ?? null,
        auditHeadHash: head?.hash ?? null,
        scheduled: input.scheduled ?? false,
        generatedById: input.actor?.id ?? null,
        generatedByEmail: input.actor?.email ?? null,
      },
      select: { id: true },
    });
    await appendAuditEvent(deps.prisma, {
      actorId: input.actor?.id ?? null,
      actorEmail: input.actor?.email ?? (input.scheduled ? "scheduler" : null),
      action: "report.generated",
      targetType: "Report",
      targetId: row.id,
      after: { kind: input.kind, periodKey, dataHash, auditHeadId: head?.id ?? null },
      inputsHash: dataHash,
    });
    return { id: row.id, created: true };
  } catch (err) {
    // Two generators of the same period at once (scheduler and a person): the first row stands.
    if ((err as { code?: string }).code === "P2002") {
      const row = await deps.prisma.report.findUnique({
        where: { kind_periodKey: { kind: input.kind, periodKey } },
        select: { id: true },
      });
      if (row) return { id: row.id, created: false };
    }
    throw err;
  }
}

/** The scheduler's step: the last complete week's and month's reports, once each. */
export async function generateDueReports(deps: ReportDeps): Promise<string[]> {
  const now = deps.now();
  const made: string[] = [];
  const due: Array<[PeriodicKind, Period]> = [
    ["WEEKLY_RISK", lastCompleteWeek(now)],
    ["MONTHLY_STRESS", lastCompleteMonth(now)],
    ["REGULATORY", lastCompleteMonth(now)],
  ];
  for (const [kind, p] of due) {
    const r = await generatePeriodicReport(deps, { kind, at: p.start.getTime(), actor: null, scheduled: true });
    if (r.created) made.push(r.id);
  }
  return made;
}

export async function createIncidentReview(
  deps: ReportDeps,
  actor: Actor,
  input: { title: string; from: Date; to: Date },
): Promise<{ id: string }> {
  const span = input.to.getTime() - input.from.getTime();
  if (!(span > 0)) throw new AppError("BAD_REQUEST", "The window must end after it starts.");
  if (span > INCIDENT_MAX_WINDOW_MS) throw new AppError("BAD_REQUEST", "An incident window is at most 7 days.");
  // Audit events carry wall-clock time, so the window is checked against it (not the engine clock).
  if (input.from.getTime() > Date.now()) throw new AppError("BAD_REQUEST", "The window starts in the future.");
  const head = await auditHead(deps.prisma);
  const data = normalizeAuditJson(await collectIncident(deps.prisma, input.title, input.from, input.to));
  const dataHash = hashReportData(data);
  const row = await deps.prisma.report.create({
    data: {
      kind: "INCIDENT_REVIEW",
      periodKey: `incident:${crypto.randomUUID()}`,
      periodStart: input.from,
      periodEnd: input.to,
      status: "DRAFT",
      title: input.title,
      data: data as object,
      dataHash,
      auditHeadId: head?.id ?? null,
      auditHeadHash: head?.hash ?? null,
      generatedById: actor.id,
      generatedByEmail: actor.email,
    },
    select: { id: true },
  });
  await appendAuditEvent(deps.prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "report.incidentOpened",
    targetType: "Report",
    targetId: row.id,
    after: { title: input.title, from: input.from.toISOString(), to: input.to.toISOString(), dataHash },
    inputsHash: dataHash,
  });
  return row;
}

/** Saves the write-up and submits it for sign-off; a signed-off review is closed to edits. */
export async function saveIncidentWriteUp(
  deps: ReportDeps,
  actor: Actor,
  input: { id: string; version: number; writeUp: IncidentWriteUp },
): Promise<{ version: number }> {
  const r = await deps.prisma.report.findUnique({ where: { id: input.id }, select: { kind: true, status: true } });
  if (!r || r.kind !== "INCIDENT_REVIEW") throw new AppError("NOT_FOUND", "No such incident review.");
  if (r.status === "SIGNED_OFF") throw new AppError("CONFLICT", "This review is signed off and can no longer change.");
  const res = await deps.prisma.report.updateMany({
    where: { id: input.id, version: input.version, status: { in: ["DRAFT", "SUBMITTED"] } },
    data: {
      writeUp: input.writeUp as object,
      writtenById: actor.id,
      writtenByEmail: actor.email,
      writtenAt: new Date(),
      status: "SUBMITTED",
      version: { increment: 1 },
    },
  });
  if (res.count === 0)
    throw new AppError("CONFLICT", "Someone changed this review meanwhile: reload it and apply your edits again.");
  await appendAuditEvent(deps.prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "report.incidentWritten",
    targetType: "Report",
    targetId: input.id,
    after: { ...input.writeUp, status: "SUBMITTED" },
  });
  return { version: input.version + 1 };
}

/** Four eyes: a manager who neither opened nor wrote the review signs it off, once. */
export async function signOffIncident(
  deps: ReportDeps,
  actor: Actor,
  input: { id: string; version: number; note: string },
): Promise<void> {
  const r = await deps.prisma.report.findUnique({
    where: { id: input.id },
    select: { kind: true, status: true, writtenById: true, generatedById: true },
  });
  if (!r || r.kind !== "INCIDENT_REVIEW") throw new AppError("NOT_FOUND", "No such incident review.");
  if (r.status !== "SUBMITTED")
    throw new AppError(
      "CONFLICT",
      r.status === "SIGNED_OFF" ? "This review is already signed off." : "Write the review up before it is signed off.",
    );
  if (r.writtenById === actor.id || r.generatedById === actor.id)
    throw new AppError("FORBIDDEN", "A second person signs off: you opened or wrote this review.");
  const res = await deps.prisma.report.updateMany({
    where: { id: input.id, version: input.version, status: "SUBMITTED" },
    data: {
      status: "SIGNED_OFF",
      signedOffById: actor.id,
      signedOffByEmail: actor.email,
      signedOffAt: new Date(),
      signOffNote: input.note || null,
      version: { increment: 1 },
    },
  });
  if (res.count === 0)
    throw new AppError("CONFLICT", "The review changed since you opened it: read the new version before signing off.");
  await appendAuditEvent(deps.prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "report.incidentSignedOff",
    targetType: "Report",
    targetId: input.id,
    after: { note: input.note, version: input.version + 1 },
  });
}

const LIST_FIELDS = {
  id: true,
  kind: true,
  periodKey: true,
  periodStart: true,
  periodEnd: true,
  status: true,
  title: true,
  dataHash: true,
  scheduled: true,
  generatedAt: true,
  generatedByEmail: true,
  writtenByEmail: true,
  signedOffByEmail: true,
} as const;

export async function listReports(
  prisma: PrismaClient,
  input: { kinds: ReportKind[]; cursor?: string | null; limit: number },
) {
  const rows = await prisma.report.findMany({
    where: { kind: { in: input.kinds } },
    orderBy: [{ generatedAt: "desc" }, { id: "desc" }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    select: LIST_FIELDS,
  });
  const more = rows.length > input.limit;
  const items = more ? rows.slice(0, input.limit) : rows;
  return { items, nextCursor: more ? (items[items.length - 1]?.id ?? null) : null };
}

/** One report with its document; the caller checks the kind's permission. */
export async function readReport(prisma: PrismaClient, id: string) {
  const r = await prisma.report.findUnique({ where: { id } });
  if (!r) throw new AppError("NOT_FOUND", "No such report.");
  const document: ReportDocument = toReportDocument(r);
  return {
    id: r.id,
    kind: r.kind as ReportKind,
    status: r.status,
    version: r.version,
    title: r.title,
    generatedById: r.generatedById,
    generatedByEmail: r.generatedByEmail,
    writtenById: r.writtenById,
    writtenByEmail: r.writtenByEmail,
    writtenAt: r.writtenAt,
    signedOffByEmail: r.signedOffByEmail,
    signedOffAt: r.signedOffAt,
    signOffNote: r.signOffNote,
    writeUp: (r.writeUp as IncidentWriteUp | null) ?? null,
    dataIntact: hashReportData(r.data) === r.dataHash,
    document,
  };
}

export function reportFileName(doc: ReportDocument, ext: "csv" | "pdf"): string {
  const safe = `${doc.kind.toLowerCase()}-${doc.period.label}`.replace(/[^A-Za-z0-9._-]+/g, "-").slice(0, 100);
  return `${safe}.${ext}`;
}

export async function auditExport(prisma: PrismaClient, actor: Actor, id: string, format: "csv" | "pdf") {
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "report.exported",
    targetType: "Report",
    targetId: id,
    after: { format },
  });
}

export { reportToCsv };
