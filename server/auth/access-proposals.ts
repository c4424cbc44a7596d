// Four eyes on access (DESIGN 0): creating a MANAGER or ADMIN, changing a role, re-enabling a user
// and resetting a TOTP enrollment are proposals; a second, different ADMIN approves them with a
// fresh step-up (checked by the procedure). The decision is one conditional update, so two
// concurrent decisions cannot both apply; the change and its audit events commit together.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { appendAuditEvent, appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import { isRole, type Role } from "./roles";
import { sessionUserCache } from "./session-cache";
import type { SessionUser } from "./sign-in";

export const PROPOSAL_KINDS = ["CREATE_USER", "CHANGE_ROLE", "ENABLE_USER", "RESET_TOTP"] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

type Tx = Prisma.TransactionClient;

interface CreateUserPayload {
  email: string;
  name: string;
  role: Role;
  passwordHash: string;
}

export async function proposeAccessChange(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { kind: ProposalKind; targetUserId: string | null; targetEmail: string; payload: Record<string, unknown> },
) {
  const pending = await prisma.accessProposal.findFirst({
    where: { kind: input.kind, targetEmail: input.targetEmail, status: "PENDING" },
  });
  if (pending)
    throw new AppError(
      "CONFLICT",
      `A ${describeKind(input.kind)} proposal for ${input.targetEmail} is already waiting for a second administrator.`,
    );
  let row;
  try {
    row = await prisma.accessProposal.create({
      data: {
        kind: input.kind,
        targetUserId: input.targetUserId,
        targetEmail: input.targetEmail,
        payload: input.payload as Prisma.InputJsonValue,
        proposedById: actor.id,
      },
      select: { id: true, kind: true, targetEmail: true, status: true, proposedAt: true },
    });
  } catch (err) {
    // The partial unique index refuses a second pending proposal that raced the check above.
    if ((err as { code?: string }).code === "P2002")
      throw new AppError("CONFLICT", `A proposal for ${input.targetEmail} is already pending.`);
    throw err;
  }
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "access.proposed",
    targetType: "AccessProposal",
    targetId: row.id,
    after: {
      kind: input.kind,
      targetEmail: input.targetEmail,
      targetUserId: input.targetUserId,
      ...publicPayload(input.payload),
    },
  });
  return row;
}

/** The payload without secrets (a proposed user's password hash never reaches the audit or the UI). */
function publicPayload(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== "object") return {};
  const { passwordHash: _omit, ...rest } = payload as Record<string, unknown>;
  return rest;
}

function describeKind(kind: string): string {
  return (
    { CREATE_USER: "new user", CHANGE_ROLE: "role change", ENABLE_USER: "re-enable", RESET_TOTP: "TOTP reset" }[kind] ??
    kind
  );
}

export async function listAccessProposals(prisma: PrismaClient, opts: { pendingOnly: boolean }) {
  const rows = await prisma.accessProposal.findMany({
    where: opts.pendingOnly ? { status: "PENDING" } : {},
    orderBy: { proposedAt: "desc" },
    take: 100,
  });
  const ids = [...new Set(rows.flatMap((r) => [r.proposedById, r.decidedById].filter((x): x is string => !!x)))];
  const people = await prisma.user.findMany({ where: { id: { in: ids } }, select: { id: true, email: true } });
  const email = new Map(people.map((p) => [p.id, p.email]));
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    targetUserId: r.targetUserId,
    targetEmail: r.targetEmail,
    details: publicPayload(r.payload),
    proposedAt: r.proposedAt,
    proposedById: r.proposedById,
    proposedByEmail: email.get(r.proposedById) ?? null,
    decidedAt: r.decidedAt,
    decidedByEmail: r.decidedById ? (email.get(r.decidedById) ?? null) : null,
    note: r.note,
  }));
}

/**
 * A second ADMIN approves or rejects. The maker may withdraw (reject) their own proposal but never
 * approve it, and nobody decides a proposal about their own account.
 */
export async function decideAccessProposal(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { id: string; approve: boolean; note?: string },
  nowMs = Date.now(),
) {
  const p = await prisma.accessProposal.findUnique({ where: { id: input.id } });
  if (!p) throw new AppError("NOT_FOUND", "Proposal not found.");
  if (p.status !== "PENDING") throw new AppError("CONFLICT", `This proposal was already ${p.status.toLowerCase()}.`);
  if (input.approve && p.proposedById === actor.id) {
    throw new AppError("FORBIDDEN", "You proposed this change; a second administrator must approve it (four eyes).");
  }
  if (p.targetUserId === actor.id)
    throw new AppError("FORBIDDEN", "Another administrator must decide changes to your own account.");
  const status = input.approve ? "APPROVED" : "REJECTED";
  const decided = await prisma.$transaction(async (tx) => {
    const won = await tx.accessProposal.updateMany({
      where: { id: p.id, status: "PENDING" },
      data: { status, decidedById: actor.id, decidedAt: new Date(nowMs), note: input.note ?? null },
    });
    if (won.count !== 1) throw new AppError("CONFLICT", "Someone else decided this proposal a moment ago.");
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.approve ? "access.approved" : "access.rejected",
      targetType: "AccessProposal",
      targetId: p.id,
      after: { kind: p.kind, targetEmail: p.targetEmail, proposedById: p.proposedById, note: input.note ?? null },
    });
    const userId = input.approve ? await applyProposal(tx, actor, p, nowMs) : p.targetUserId;
    return { id: p.id, status, userId };
  });
  // Committed: a changed role or reset TOTP revoked the user's sessions; drop their cached users.
  if (input.approve && decided.userId) sessionUserCache.invalidate({ userId: decided.userId });
  return decided;
}

async function applyProposal(
  tx: Tx,
  actor: SessionUser,
  p: { id: string; kind: string; targetUserId: string | null; targetEmail: string; payload: Prisma.JsonValue },
  nowMs: number,
): Promise<string> {
  const audit = (action: string, targetId: string, before: unknown, after: unknown) =>
    appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action,
      targetType: "User",
      targetId,
      before,
      after: { ...(after as object), proposalId: p.id },
    });
  const revokeAll = (userId: string, reason: string) =>
    tx.authSession.updateMany({
      where: { userId, revokedAt: null },
      data: { revokedAt: new Date(nowMs), revokedReason: reason },
    });

  if (p.kind === "CREATE_USER") {
    const d = p.payload as unknown as CreateUserPayload;
    if (await tx.user.findUnique({ where: { email: d.email } }))
      throw new AppError("CONFLICT", `A user with the email ${d.email} already exists.`);
    const u = await tx.user.create({
      data: { email: d.email, name: d.name, role: d.role, passwordHash: d.passwordHash },
      select: { id: true },
    });
    await audit("user.created", u.id, null, { email: d.email, role: d.role });
    return u.id;
  }
  const target = p.targetUserId ? await tx.user.findUnique({ where: { id: p.targetUserId } }) : null;
  if (!target) throw new AppError("NOT_FOUND", "The user of this proposal no longer exists.");
  if (p.kind === "CHANGE_ROLE") {
    const role = (p.payload as { role?: unknown }).role;
    if (!isRole(role)) throw new AppError("BAD_REQUEST", "The proposal names no valid role.");
    await tx.user.update({ where: { id: target.id }, data: { role } });
    await revokeAll(target.id, "roleChanged");
    await audit("user.roleChanged", target.id, { role: target.role }, { role });
  } else if (p.kind === "ENABLE_USER") {
    await tx.user.update({ where: { id: target.id }, data: { disabled: false, failedLogins: 0, lockedUntil: null } });
    await audit("user.disabledChanged", target.id, { disabled: target.disabled }, { disabled: false });
  } else if (p.kind === "RESET_TOTP") {
    await tx.user.update({
      where: { id: target.id },
      data: {
        totpSecret: null,
        totpEnrolledAt: null,
        totpLastCounter: null,
        stepUpFailures: 0,
        stepUpLockedUntil: null,
      },
    });
    await revokeAll(target.id, "totpReset");
    await audit("user.totpReset", target.id, { enrolled: target.totpEnrolledAt !== null }, { enrolled: false });
  } else {
    throw new AppError("BAD_REQUEST", `Unknown proposal kind ${p.kind}.`);
  }
  return target.id;
}
