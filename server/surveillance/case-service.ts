// S5 cases: one per account, created or updated from rule hits (a hit with the same key updates
// its row), priority from the hits and the anomaly score, SLA by priority, and the lifecycle
// OPEN -> INVESTIGATING -> ESCALATED -> CLOSED (with a disposition). Every human step writes a
// timeline event and an audit event in one transaction; a stale version is a CONFLICT.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import { casePriority } from "./case-priority";
import type { Hit } from "./rules/types";

export const CASE_STATUSES = ["OPEN", "INVESTIGATING", "ESCALATED", "CLOSED"] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export const DISPOSITIONS = ["NO_ACTION", "WARNING", "RESTRICTED", "FROZEN", "STR_FILED"] as const;
export type Disposition = (typeof DISPOSITIONS)[number];

/** Allowed moves; a closed case reopens (to INVESTIGATING) when new evidence arrives or on appeal. */
const MOVES: Record<CaseStatus, readonly CaseStatus[]> = {
  OPEN: ["INVESTIGATING", "ESCALATED", "CLOSED"],
  INVESTIGATING: ["ESCALATED", "CLOSED"],
  ESCALATED: ["INVESTIGATING", "CLOSED"],
  CLOSED: ["INVESTIGATING"],
};

export function canMove(from: CaseStatus, to: CaseStatus): boolean {
  return MOVES[from].includes(to);
}

/** SLA to first decision by priority: >= 70 within 4 h, >= 50 within 24 h, else 72 h. */
export function slaHours(priority: number): number {
  return priority >= 70 ? 4 : priority >= 50 ? 24 : 72;
}

export interface Actor {
  id: string;
  email: string;
}

/** Upserts each hit into the case of every account it names. Returns the case ids touched. */
export async function recordHits(
  prisma: PrismaClient,
  hits: readonly Hit[],
  opts: { now: number; scores?: ReadonlyMap<string, number> },
): Promise<string[]> {
  const byAccount = new Map<string, Hit[]>();
  for (const h of hits) for (const a of h.accounts) byAccount.set(a, [...(byAccount.get(a) ?? []), h]);
  const touched: string[] = [];
  for (const [accountId, list] of byAccount) {
    const id = await prisma.$transaction(async (tx) => {
      const existing = await tx.surveillanceCase.findUnique({ where: { accountId } });
      const score = opts.scores?.get(accountId) ?? existing?.anomalyScore ?? null;
      const rules = [...new Set([...(existing?.rules ?? []), ...list.map((h) => h.rule)])].sort();
      const priority = casePriority(rules, score);
      const now = new Date(opts.now);
      let c;
      if (!existing) {
        c = await tx.surveillanceCase.create({
          data: {
            accountId,
            priority,
            anomalyScore: score,
            rules,
            slaDueAt: new Date(opts.now + slaHours(priority) * 3_600_000),
            openedAt: now,
          },
        });
        await tx.caseEvent.create({ data: { caseId: c.id, ts: now, kind: "CREATED", detail: { rules, priority } } });
      } else {
        // New evidence on a closed case reopens it; priority only rises while a case is open.
        const reopen = existing.status === "CLOSED" && list.some((h) => !existing.rules.includes(h.rule));
        c = await tx.surveillanceCase.update({
          where: { id: existing.id },
          data: {
            rules,
            priority: Math.max(priority, existing.status === "CLOSED" ? 0 : existing.priority),
            anomalyScore: score,
            ...(reopen
              ? {
                  status: "INVESTIGATING",
                  disposition: null,
                  closedAt: null,
                  slaDueAt: new Date(opts.now + slaHours(priority) * 3_600_000),
                }
              : {}),
            version: { increment: 1 },
          },
        });
        if (reopen) await tx.caseEvent.create({ data: { caseId: c.id, ts: now, kind: "REOPENED", detail: { rules } } });
      }
      for (const h of list) {
        const data = {
          rule: h.rule,
          accounts: h.accounts,
          symbol: h.symbol ?? null,
          day: h.day ?? null,
          count: h.count,
          score: h.score ?? null,
          evidence: h.evidence as object,
          lastAt: new Date(h.lastTs),
        };
        const prev = await tx.caseHit.findUnique({ where: { caseId_key: { caseId: c.id, key: h.key } } });
        if (prev) await tx.caseHit.update({ where: { id: prev.id }, data });
        else {
          await tx.caseHit.create({ data: { ...data, caseId: c.id, key: h.key, firstAt: now } });
          await tx.caseEvent.create({
            data: { caseId: c.id, ts: now, kind: "HIT", detail: { rule: h.rule, key: h.key, count: h.count } },
          });
        }
      }
      return c.id;
    });
    touched.push(id);
  }
  return touched;
}

async function loadForAction(
  tx: Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0],
  caseId: string,
  version?: number,
) {
  const c = await tx.surveillanceCase.findUnique({ where: { id: caseId } });
  if (!c) throw new AppError("NOT_FOUND", "Case not found.");
  if (version !== undefined && c.version !== version)
    throw new AppError("CONFLICT", "The case changed since you opened it (new hits or another officer); reload it.");
  return c;
}

export async function moveCase(
  prisma: PrismaClient,
  input: { caseId: string; to: CaseStatus; disposition?: Disposition; note?: string; version?: number },
  actor: Actor,
  now = Date.now(),
) {
  return prisma.$transaction(async (tx) => {
    const c = await loadForAction(tx, input.caseId, input.version);
    const from = c.status as CaseStatus;
    if (!canMove(from, input.to))
      throw new AppError("CONFLICT", `A ${from.toLowerCase()} case cannot move to ${input.to.toLowerCase()}.`);
    if (input.to === "CLOSED" && !input.disposition)
      throw new AppError("BAD_REQUEST", "Closing a case needs a disposition.");
    const res = await tx.surveillanceCase.updateMany({
      where: { id: c.id, version: c.version },
      data: {
        status: input.to,
        disposition: input.to === "CLOSED" ? (input.disposition ?? null) : null,
        closedAt: input.to === "CLOSED" ? new Date(now) : null,
        version: { increment: 1 },
      },
    });
    if (res.count !== 1)
      throw new AppError("CONFLICT", "Someone else acted on this case at the same moment; reload it.");
    const detail = { from, to: input.to, disposition: input.disposition ?? null, note: input.note ?? null };
    await tx.caseEvent.create({ data: { caseId: c.id, ts: new Date(now), actorId: actor.id, kind: "STATUS", detail } });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.move",
      targetType: "SurveillanceCase",
      targetId: c.id,
      before: { status: from },
      after: { status: input.to, disposition: input.disposition ?? null },
    });
    return tx.surveillanceCase.findUniqueOrThrow({ where: { id: c.id } });
  });
}

export async function assignCase(
  prisma: PrismaClient,
  input: { caseId: string; assigneeId: string | null },
  actor: Actor,
  now = Date.now(),
) {
  return prisma.$transaction(async (tx) => {
    const c = await loadForAction(tx, input.caseId);
    if (input.assigneeId) {
      const u = await tx.user.findUnique({ where: { id: input.assigneeId }, select: { role: true, disabled: true } });
      if (!u || u.role !== "COMPLIANCE" || u.disabled)
        throw new AppError("BAD_REQUEST", "Cases are assigned to active compliance officers only.");
    }
    await tx.surveillanceCase.update({
      where: { id: c.id },
      data: { assigneeId: input.assigneeId, version: { increment: 1 } },
    });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        ts: new Date(now),
        actorId: actor.id,
        kind: "ASSIGN",
        detail: { from: c.assigneeId, to: input.assigneeId },
      },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.assign",
      targetType: "SurveillanceCase",
      targetId: c.id,
      before: { assigneeId: c.assigneeId },
      after: { assigneeId: input.assigneeId },
    });
  });
}

export async function addCaseNote(
  prisma: PrismaClient,
  input: { caseId: string; text: string },
  actor: Actor,
  now = Date.now(),
) {
  const text = input.text.trim();
  if (!text) throw new AppError("BAD_REQUEST", "A note cannot be empty.");
  return prisma.$transaction(async (tx) => {
    const c = await loadForAction(tx, input.caseId);
    await tx.caseEvent.create({
      data: { caseId: c.id, ts: new Date(now), actorId: actor.id, kind: "NOTE", detail: { text } },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.note",
      targetType: "SurveillanceCase",
      targetId: c.id,
      after: { length: text.length },
    });
  });
}

/**
 * The client appeals a decision on the case (a restriction, a freeze, a closure with a finding):
 * the appeal is recorded on the timeline with the client's statement and how it arrived, a closed
 * case reopens to INVESTIGATING with a fresh SLA, and an open one gets its SLA reset so the appeal
 * is answered in time.
 */
export async function recordAppeal(
  prisma: PrismaClient,
  input: { caseId: string; statement: string; channel: "PHONE" | "EMAIL" | "LETTER" | "IN_PERSON" },
  actor: Actor,
  now = Date.now(),
) {
  const statement = input.statement.trim();
  if (statement.length < 3)
    throw new AppError("BAD_REQUEST", "Write down what the client says (at least 3 characters).");
  return prisma.$transaction(async (tx) => {
    const c = await loadForAction(tx, input.caseId);
    const reopen = c.status === "CLOSED";
    const slaDueAt = new Date(now + slaHours(c.priority) * 3_600_000);
    await tx.surveillanceCase.update({
      where: { id: c.id },
      data: {
        ...(reopen ? { status: "INVESTIGATING", closedAt: null } : {}),
        slaDueAt,
        version: { increment: 1 },
      },
    });
    await tx.caseEvent.create({
      data: {
        caseId: c.id,
        ts: new Date(now),
        actorId: actor.id,
        kind: "APPEAL",
        detail: { text: statement, channel: input.channel, reopened: reopen },
      },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "case.appeal",
      targetType: "SurveillanceCase",
      targetId: c.id,
      before: { status: c.status },
      after: { status: reopen ? "INVESTIGATING" : c.status, channel: input.channel, slaDueAt: slaDueAt.toISOString() },
    });
    return { reopened: reopen, slaDueAt };
  });
}
