// Paging policy versions: ADMIN proposes, a MANAGER (not the proposer) approves with a step-up in the
// same session (the router's stepUpProcedure checks it). The highest APPROVED version is in force.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import { AppError } from "../errors";
import { DEFAULT_POLICY, pagingPolicySchema, type PagingPolicy } from "./policy";

type Actor = Pick<SessionUser, "id" | "email">;

export interface PolicyInForce {
  version: number; // 0 = the built-in default
  policy: PagingPolicy;
}

export async function currentPolicy(prisma: PrismaClient): Promise<PolicyInForce> {
  const row = await prisma.oncallPolicyVersion.findFirst({
    where: { status: "APPROVED" },
    orderBy: { version: "desc" },
    select: { version: true, policy: true },
  });
  if (!row) return { version: 0, policy: DEFAULT_POLICY };
  const parsed = pagingPolicySchema.safeParse(row.policy);
  // A stored version that no longer validates (a kind removed in code) must not stop paging.
  return parsed.success ? { version: row.version, policy: parsed.data } : { version: 0, policy: DEFAULT_POLICY };
}

export async function listPolicyVersions(prisma: PrismaClient) {
  const rows = await prisma.oncallPolicyVersion.findMany({ orderBy: { version: "desc" }, take: 50 });
  const inForce = await currentPolicy(prisma);
  return { inForce, versions: rows.map((r) => ({ ...r, policy: r.policy as PagingPolicy })) };
}

export async function proposePolicy(
  prisma: PrismaClient,
  actor: Actor,
  input: { policy: PagingPolicy; reason: string },
) {
  const policy = pagingPolicySchema.parse(input.policy);
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('oncall.policy'))`;
    const pending = await tx.oncallPolicyVersion.count({ where: { status: "PROPOSED" } });
    if (pending > 0) throw new AppError("CONFLICT", "A policy change is already awaiting approval; decide it first.");
    const last = await tx.oncallPolicyVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    await tx.oncallPolicyVersion.create({
      data: {
        version,
        policy: policy as object,
        reason: input.reason,
        status: "PROPOSED",
        proposedById: actor.id,
        proposedByEmail: actor.email,
      },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.policy.proposed",
      targetType: "OncallPolicyVersion",
      targetId: String(version),
      after: { policy, reason: input.reason },
    });
    return { version };
  });
}

export async function decidePolicy(
  prisma: PrismaClient,
  actor: Actor,
  input: { version: number; approve: boolean; note?: string },
  nowMs = Date.now(),
) {
  const row = await prisma.oncallPolicyVersion.findUnique({ where: { version: input.version } });
  if (!row) throw new AppError("NOT_FOUND", `Policy version ${input.version} does not exist.`);
  if (row.status !== "PROPOSED") {
    throw new AppError("CONFLICT", `Version ${input.version} is ${row.status.toLowerCase()}, not awaiting a decision.`);
  }
  if (row.proposedById === actor.id) {
    throw new AppError(
      "FORBIDDEN",
      "You proposed this policy; someone else must approve or reject it (maker-checker).",
    );
  }
  const status = input.approve ? "APPROVED" : "REJECTED";
  return prisma.$transaction(async (tx) => {
    const updated = await tx.oncallPolicyVersion.updateMany({
      where: { version: input.version, status: "PROPOSED" },
      data: {
        status,
        decidedById: actor.id,
        decidedByEmail: actor.email,
        decidedAt: new Date(nowMs),
        decisionNote: input.note ?? null,
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else decided this version a moment ago.");
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.approve ? "oncall.policy.approved" : "oncall.policy.rejected",
      targetType: "OncallPolicyVersion",
      targetId: String(input.version),
      before: { status: "PROPOSED" },
      after: { status, note: input.note ?? null },
    });
    return { version: input.version, status };
  });
}
