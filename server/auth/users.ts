// User administration for ADMIN: list, create (TOTP enrollment then required at first sign-in
// for MANAGER and ADMIN), unlock, disable. Every change is audited.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { hashPassword } from "./password";
import type { Role } from "./roles";
import type { SessionUser } from "./sign-in";

const USER_FIELDS = {
  id: true, email: true, name: true, role: true, disabled: true, lockedUntil: true,
  failedLogins: true, lastLoginAt: true, totpEnrolledAt: true, createdAt: true,
} as const;

export async function listUsers(prisma: PrismaClient) {
  return prisma.user.findMany({ orderBy: { email: "asc" }, select: USER_FIELDS });
}

export async function createUser(
  prisma: PrismaClient,
  actor: SessionUser,
  input: { email: string; name: string; role: Role; password: string },
) {
  const email = input.email.trim().toLowerCase();
  if (await prisma.user.findUnique({ where: { email } })) {
    throw new AppError("CONFLICT", `A user with the email ${email} already exists.`);
  }
  const user = await prisma.user.create({
    data: { email, name: input.name.trim(), role: input.role, passwordHash: await hashPassword(input.password) },
    select: USER_FIELDS,
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id, actorEmail: actor.email, action: "user.created", targetType: "User", targetId: user.id,
    after: { email, role: input.role },
  });
  return user;
}

export async function setUserLock(prisma: PrismaClient, actor: SessionUser, input: { userId: string; disabled?: boolean; unlock?: boolean }) {
  const before = await prisma.user.findUnique({ where: { id: input.userId }, select: USER_FIELDS });
  if (!before) throw new AppError("NOT_FOUND", "User not found.");
  if (input.disabled === true && before.id === actor.id) throw new AppError("BAD_REQUEST", "You cannot disable your own account.");
  const user = await prisma.user.update({
    where: { id: input.userId },
    data: {
      ...(input.unlock ? { lockedUntil: null, failedLogins: 0 } : {}),
      ...(input.disabled !== undefined ? { disabled: input.disabled } : {}),
    },
    select: USER_FIELDS,
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id, actorEmail: actor.email, action: input.unlock ? "user.unlocked" : "user.disabledChanged",
    targetType: "User", targetId: user.id,
    before: { disabled: before.disabled, lockedUntil: before.lockedUntil?.toISOString() ?? null },
    after: { disabled: user.disabled, lockedUntil: user.lockedUntil?.toISOString() ?? null },
  });
  return user;
}
