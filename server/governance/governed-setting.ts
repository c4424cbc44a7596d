// Governed settings (maker-checker for values that are not risk parameters): a kind names a key, the
// zod shape of its value and, for plans, what approving applies. One person proposes; another person
// approves or rejects (the router adds the session step-up). For a setting the highest APPROVED version
// is in force; a plan's apply runs inside the approving transaction, so an apply that fails leaves the
// proposal undecided. Every proposal and decision is audited.
import type { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import type { Tx } from "../ledger/ledger-service";

export interface Actor {
  id: string;
  email: string;
}

export interface GovernedKind<T> {
  key: string;
  schema: z.ZodType<T>;
  /** Runs in the approving transaction; throw an AppError to refuse the approval. */
  apply?: (tx: Tx, value: T, actor: Actor) => Promise<void>;
}

export interface SettingInForce<T> {
  version: number; // 0 = the built-in default
  value: T;
}

export async function currentSetting<T>(
  prisma: PrismaClient | Tx,
  kind: GovernedKind<T>,
  fallback: T,
): Promise<SettingInForce<T>> {
  const row = await prisma.governedSetting.findFirst({
    where: { key: kind.key, status: "APPROVED" },
    orderBy: { version: "desc" },
    select: { version: true, value: true },
  });
  if (!row) return { version: 0, value: fallback };
  const parsed = kind.schema.safeParse(row.value);
  // A stored version that no longer validates (a field removed in code) falls back to the default.
  return parsed.success ? { version: row.version, value: parsed.data } : { version: 0, value: fallback };
}

export async function listSettingVersions<T>(prisma: PrismaClient, kind: GovernedKind<T>, take = 50) {
  const rows = await prisma.governedSetting.findMany({
    where: { key: kind.key },
    orderBy: { version: "desc" },
    take,
  });
  return rows.map((r) => ({ ...r, value: r.value as T }));
}

export async function proposeSetting<T>(
  prisma: PrismaClient,
  actor: Actor,
  kind: GovernedKind<T>,
  input: { value: T; reason: string },
): Promise<{ version: number }> {
  const value = kind.schema.parse(input.value);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`governed:${kind.key}`}))`;
    const pending = await tx.governedSetting.count({ where: { key: kind.key, status: "PROPOSED" } });
    if (pending > 0) throw new AppError("CONFLICT", "A change is already awaiting approval; decide it first.");
    const last = await tx.governedSetting.findFirst({
      where: { key: kind.key },
      orderBy: { version: "desc" },
      select: { version: true },
    });
    const version = (last?.version ?? 0) + 1;
    await tx.governedSetting.create({
      data: {
        key: kind.key,
        version,
        value: value as object,
        reason: input.reason,
        status: "PROPOSED",
        proposedById: actor.id,
        proposedByEmail: actor.email,
      },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: `${kind.key}.proposed`,
      targetType: "GovernedSetting",
      targetId: `${kind.key}#${version}`,
      after: { value, reason: input.reason },
    });
    return { version };
  });
}

export async function decideSetting<T>(
  prisma: PrismaClient,
  actor: Actor,
  kind: GovernedKind<T>,
  input: { version: number; approve: boolean; note?: string },
  nowMs = Date.now(),
): Promise<{ version: number; status: "APPROVED" | "REJECTED" }> {
  const where = { key_version: { key: kind.key, version: input.version } };
  const row = await prisma.governedSetting.findUnique({ where });
  if (!row) throw new AppError("NOT_FOUND", `Version ${input.version} does not exist.`);
  if (row.status !== "PROPOSED")
    throw new AppError("CONFLICT", `Version ${input.version} is ${row.status.toLowerCase()}, not awaiting a decision.`);
  if (row.proposedById === actor.id)
    throw new AppError(
      "FORBIDDEN",
      "You proposed this change; someone else must approve or reject it (maker-checker).",
    );
  const status = input.approve ? "APPROVED" : "REJECTED";
  return prisma.$transaction(async (tx) => {
    const updated = await tx.governedSetting.updateMany({
      where: { key: kind.key, version: input.version, status: "PROPOSED" },
      data: {
        status,
        decidedById: actor.id,
        decidedByEmail: actor.email,
        decidedAt: new Date(nowMs),
        decisionNote: input.note ?? null,
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else decided this version a moment ago.");
    if (input.approve && kind.apply) await kind.apply(tx, kind.schema.parse(row.value), actor);
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: `${kind.key}.${input.approve ? "approved" : "rejected"}`,
      targetType: "GovernedSetting",
      targetId: `${kind.key}#${input.version}`,
      before: { status: "PROPOSED", proposedBy: row.proposedByEmail },
      after: { status, note: input.note ?? null },
    });
    return { version: input.version, status };
  });
}
