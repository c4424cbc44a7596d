// TOTP enrollment (MANAGER and ADMIN must have it) and step-up re-verification (DESIGN 0).
// Enrollment is two steps: a secret is issued, then confirmed with a code from the app.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { checkTotp, generateTotpSecret, totpUri } from "./totp";

export async function beginTotpEnrollment(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  if (user.totpEnrolledAt) throw new AppError("CONFLICT", "Two-factor authentication is already enrolled.");
  const secret = generateTotpSecret();
  await prisma.user.update({ where: { id: userId }, data: { totpSecret: secret } });
  await appendAuditEvent(prisma, { actorId: userId, actorEmail: user.email, action: "auth.totpEnrollmentStarted", targetType: "User", targetId: userId });
  return { secret, uri: totpUri(secret, user.email) };
}

export async function confirmTotpEnrollment(prisma: PrismaClient, userId: string, code: string, nowMs = Date.now()) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  if (user.totpEnrolledAt) throw new AppError("CONFLICT", "Two-factor authentication is already enrolled.");
  if (!user.totpSecret) throw new AppError("PRECONDITION_FAILED", "Start the enrollment first.");
  const counter = checkTotp(code, user.totpSecret, nowMs, user.totpLastCounter);
  if (counter === null) throw new AppError("BAD_REQUEST", "That code is not valid. Check the time on your device and try the current code.");
  await prisma.user.update({
    where: { id: userId },
    data: { totpEnrolledAt: new Date(nowMs), totpLastCounter: counter, lastStepUpAt: new Date(nowMs) },
  });
  await appendAuditEvent(prisma, { actorId: userId, actorEmail: user.email, action: "auth.totpEnrolled", targetType: "User", targetId: userId });
  return { enrolled: true };
}

/** Re-verifies a TOTP code; money and parameter approvals need one no older than 5 minutes. */
export async function stepUp(prisma: PrismaClient, userId: string, code: string, nowMs = Date.now()) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user?.totpSecret || !user.totpEnrolledAt) {
    throw new AppError("PRECONDITION_FAILED", "Two-factor authentication is not enrolled for this user.");
  }
  const counter = checkTotp(code, user.totpSecret, nowMs, user.totpLastCounter);
  if (counter === null) {
    await appendAuditEvent(prisma, { actorId: userId, actorEmail: user.email, action: "auth.stepUpFailed", targetType: "User", targetId: userId });
    throw new AppError("BAD_REQUEST", "That code is not valid or was already used.");
  }
  const at = new Date(nowMs);
  await prisma.user.update({ where: { id: userId }, data: { totpLastCounter: counter, lastStepUpAt: at } });
  await appendAuditEvent(prisma, { actorId: userId, actorEmail: user.email, action: "auth.stepUp", targetType: "User", targetId: userId });
  return { verifiedAt: at };
}
