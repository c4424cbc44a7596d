// User administration for ADMIN: list, create, unlock, disable, and the changes that need a second
// administrator (four eyes, access-proposals.ts): creating a MANAGER or ADMIN, changing a role,
// re-enabling and resetting TOTP. Disabling ends the user's sessions at once. Every change is audited.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { proposeAccessChange } from "./access-proposals";
import { hashPassword } from "./password";
import { requiresTotp, type Role } from "./roles";
import { revokeUserSessions } from "./sessions";
import type { SessionUser } from "./sign-in";

const USER_FIELDS = {
  id: true,
  email: true,
  name: true,
  role: true,
  disabled: true,
  lockedUntil: true,
  failedLogins: true,
  lastLoginAt: true,
  totpEnrolledAt: true,
  createdAt: true,
  stepUpLockedUntil: true,
} as const;

export async function listUsers(prisma: PrismaClient) {
  return prisma.user.findMany({ orderBy: { email: "asc" }, select: USER_FIELDS });
}

/**
 * Privileged roles (MANAGER, ADMIN) are proposed; other roles are created at once. `bootstrap` is
 * for the command line only (the first administrator, by someone with database access): never
 * reachable from a request.
 */
export async function createUser(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { email: string; name: string; role: Role; password: string },
  opts: { bootstrap?: boolean } = {},
) {
  const email = input.email.trim().toLowerCase();
  if (await prisma.user.findUnique({ where: { email } })) {
    throw new AppError("CONFLICT", `A user with the email ${email} already exists.`);
  }
  const passwordHash = await hashPassword(input.password);
  if (requiresTotp(input.role) && !opts.bootstrap) {
    const proposal = await proposeAccessChange(prisma, actor, {
      kind: "CREATE_USER",
      targetUserId: null,
      targetEmail: email,
      payload: { email, name: input.name.trim(), role: input.role, passwordHash },
    });
    return { status: "PROPOSED" as const, email, proposalId: proposal.id, user: null };
  }
  const user = await prisma.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash },
    select: USER_FIELDS,
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "user.created",
    targetType: "User",
    targetId: user.id,
    after: { email, role: input.role },
  });
  return { status: "CREATED" as const, email, proposalId: null, user };
}

/** Unlock and disable take effect at once; re-enabling a disabled user is proposed (four eyes). */
export async function setUserLock(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { userId: string; disabled?: boolean; unlock?: boolean },
) {
  const before = await prisma.user.findUnique({ where: { id: input.userId }, select: USER_FIELDS });
  if (!before) throw new AppError("NOT_FOUND", "User not found.");
  if (input.disabled === true && before.id === actor.id)
    throw new AppError("BAD_REQUEST", "You cannot disable your own account.");
  if (input.disabled === false && before.disabled) {
    const proposal = await proposeAccessChange(prisma, actor, {
      kind: "ENABLE_USER",
      targetUserId: before.id,
      targetEmail: before.email,
      payload: {},
    });
    return { ...before, proposalId: proposal.id };
  }
  const user = await prisma.user.update({
    where: { id: input.userId },
    data: {
      ...(input.unlock ? { lockedUntil: null, failedLogins: 0, stepUpLockedUntil: null, stepUpFailures: 0 } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    },
    select: USER_FIELDS,
  });
  const ended = input.disabled === true ? await revokeUserSessions(prisma, user.id, "disabled") : 0;
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: input.unlock ? "user.unlocked" : "user.disabledChanged",
    targetType: "User",
    targetId: user.id,
    before: { disabled: before.disabled, lockedUntil: before.lockedUntil?.toISOString() ?? null },
    after: {
      disabled: user.disabled,
      lockedUntil: user.lockedUntil?.toISOString() ?? null,
      ...(ended ? { sessionsEnded: ended } : {}),
    },
  });
  return { ...user, proposalId: null };
}

export async function proposeRoleChange(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { userId: string; role: Role },
) {
  const target = await prisma.user.findUnique({ where: { id: input.userId } });
  if (!target) throw new AppError("NOT_FOUND", "User not found.");
  if (target.role === input.role)
    throw new AppError("BAD_REQUEST", `${target.email} already has the role ${input.role}.`);
  return proposeAccessChange(prisma, actor, {
    kind: "CHANGE_ROLE",
    targetUserId: target.id,
    targetEmail: target.email,
    payload: { role: input.role, from: target.role },
  });
}

export async function proposeTotpReset(prisma: PrismaClient, actor: SessionUser, input: { userId: string }) {
  const target = await prisma.user.findUnique({ where: { id: input.userId } });
  if (!target) throw new AppError("NOT_FOUND", "User not found.");
  if (!target.totpEnrolledAt && !target.totpSecret)
    throw new AppError("BAD_REQUEST", `${target.email} has no TOTP enrollment to reset.`);
  return proposeAccessChange(prisma, actor, {
    kind: "RESET_TOTP",
    targetUserId: target.id,
    targetEmail: target.email,
    payload: {},
  });
}
