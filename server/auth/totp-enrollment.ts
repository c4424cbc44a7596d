// TOTP enrollment (MANAGER and ADMIN must have it, DESIGN 0); step-up is in step-up.ts.
// Enrollment is two steps: a secret is issued, then confirmed with a code from the app.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { sessionUserCache } from "./session-cache";
import { checkTotp, consumeTotpStep, generateTotpSecret, totpUri } from "./totp";

export async function beginTotpEnrollment(prisma: PrismaClient, userId: string) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  if (user.totpEnrolledAt) throw new AppError("CONFLICT", "Two-factor authentication is already enrolled.");
  const secret = generateTotpSecret();
  await prisma.user.update({ where: { id: userId }, data: { totpSecret: secret } });
  await appendAuditEvent(prisma, {
    actorId: userId,
    actorEmail: user.email,
    action: "auth.totpEnrollmentStarted",
    targetType: "User",
    targetId: userId,
  });
  return { secret, uri: totpUri(secret, user.email) };
}

export async function confirmTotpEnrollment(prisma: PrismaClient, userId: string, code: string, nowMs = Date.now()) {
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user) throw new AppError("NOT_FOUND", "User not found.");
  if (user.totpEnrolledAt) throw new AppError("CONFLICT", "Two-factor authentication is already enrolled.");
  if (!user.totpSecret) throw new AppError("PRECONDITION_FAILED", "Start the enrollment first.");
  const counter = await checkTotp(code, user.totpSecret, nowMs, user.totpLastCounter);
  if (counter === null || !(await consumeTotpStep(prisma, userId, counter)))
    throw new AppError(
      "BAD_REQUEST",
      "That code is not valid. Check the time on your device and try the current code.",
    );
  await prisma.user.update({
    where: { id: userId },
    data: { totpEnrolledAt: new Date(nowMs), lastStepUpAt: new Date(nowMs) },
  });
  // The cached user still says "enrollment pending": the next request must see the enrollment.
  sessionUserCache.invalidate({ userId });
  await appendAuditEvent(prisma, {
    actorId: userId,
    actorEmail: user.email,
    action: "auth.totpEnrolled",
    targetType: "User",
    targetId: userId,
  });
  return { enrolled: true };
}
