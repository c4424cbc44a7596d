// Credentials check for sign-in: throttle, password, TOTP where enrolled, lockout after repeated
// failures, and a new server-side session. Every outcome is audited. No next-auth imports here
// (usable from tests and scripts).
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { getDummyHash, hashPassword, needsRehash, verifyPassword } from "./password";
import { isRole } from "./roles";
import { raiseSecurityAlert } from "./security-alerts";
import { createSession } from "./sessions";
import { getSignInThrottle, ThrottledError, type SignInThrottle } from "./sign-in-throttle";
import { checkTotp, consumeTotpStep } from "./totp";
import { toSessionUser } from "./to-session-user";
import type { SessionUser } from "./session-types";

export type { ApiTokenActor, SessionUser } from "./session-types";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Error codes the sign-in form translates for the user. */
// Disabled, locked and wrong password all read "invalid_credentials": the form must not tell an
// attacker which accounts exist, are locked or are disabled (the audit trail has the reason).
export type SignInErrorCode = "invalid_credentials" | "totp_required" | "totp_invalid" | "rate_limited";

export class SignInError extends Error {
  constructor(
    readonly code: SignInErrorCode,
    /** For rate_limited: seconds until another attempt is allowed. */
    readonly retryAfterS?: number,
  ) {
    super(code);
  }
}

export interface SignInInput {
  email: string;
  password: string;
  totp?: string;
  ip?: string;
}

/** RFC 5321 limits a forward path to 256 octets including brackets: 254 for the address. */
export const MAX_EMAIL_LENGTH = 254;
const MAX_PASSWORD_LENGTH = 1024; // hashing a huge password costs CPU for nothing

export async function signInWithCredentials(
  prisma: PrismaClient,
  input: SignInInput,
  nowMs: number = Date.now(),
  deps: { throttle?: SignInThrottle } = {},
): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const ip = input.ip ?? null;
  const throttle = deps.throttle ?? getSignInThrottle(prisma);
  try {
    await throttle.consume(ip, email.slice(0, MAX_EMAIL_LENGTH));
  } catch (err) {
    if (!(err instanceof ThrottledError)) throw err;
    if (err.firstRefusal) {
      await appendAuditEvent(prisma, {
        actorEmail: email.slice(0, MAX_EMAIL_LENGTH),
        action: "auth.signInThrottled",
        targetType: "User",
        after: { ip, scope: err.scope, retryAfterS: err.retryAfterS },
      });
    }
    throw new SignInError("rate_limited", err.retryAfterS);
  }
  const tooLong = email.length > MAX_EMAIL_LENGTH || input.password.length > MAX_PASSWORD_LENGTH;
  const user = tooLong ? null : await prisma.user.findUnique({ where: { email } });
  const now = new Date(nowMs);

  const fail = async (code: SignInErrorCode, reason: string): Promise<never> => {
    let lockedNow = false;
    if (user && (reason === "wrongPassword" || reason === "wrongTotp")) {
      // The attempt reserved below is already counted; the one that reaches the limit locks.
      const locked = await prisma.user.updateMany({
        where: { id: user.id, failedLogins: { gte: MAX_FAILED_SIGN_INS } },
        data: { failedLogins: 0, lockedUntil: new Date(nowMs + LOCKOUT_MS) },
      });
      lockedNow = locked.count === 1;
    }
    await appendAuditEvent(prisma, {
      actorId: user?.id ?? null,
      actorEmail: email.slice(0, MAX_EMAIL_LENGTH),
      action: "auth.signInFailed",
      targetType: "User",
      targetId: user?.id ?? null,
      after: { reason, ip, locked: lockedNow },
    });
    if (lockedNow && user) {
      await raiseSecurityAlert(prisma, {
        kind: "signInLocked",
        userId: user.id,
        email: user.email,
        ip,
        message: `Sign-in of ${user.email} locked for ${LOCKOUT_MS / 60_000} minutes after ${MAX_FAILED_SIGN_INS} failures.`,
      });
    }
    throw new SignInError(code);
  };

  // Unknown, disabled and locked users cost the same password hash as a real check.
  const burnHash = async () => {
    await verifyPassword(input.password, await getDummyHash());
  };
  if (!user) {
    await burnHash();
    return fail("invalid_credentials", tooLong ? "tooLong" : "unknownUser");
  }
  if (user.disabled) {
    await burnHash();
    return fail("invalid_credentials", "disabled");
  }
  // Reserve this attempt before the slow hash: a conditional increment that fails when the
  // account is locked or has used its attempts, so concurrent wrong passwords cannot pass the lock.
  const reserved = await prisma.user.updateMany({
    where: {
      id: user.id,
      failedLogins: { lt: MAX_FAILED_SIGN_INS },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
    data: { failedLogins: { increment: 1 } },
  });
  if (reserved.count !== 1) {
    await burnHash();
    return fail("invalid_credentials", "locked");
  }
  if (!(await verifyPassword(input.password, user.passwordHash))) return fail("invalid_credentials", "wrongPassword");
  if (!isRole(user.role)) return fail("invalid_credentials", "badRole");

  const enrolled = user.totpSecret !== null && user.totpEnrolledAt !== null;
  let totpCounter: number | null = null;
  if (enrolled && user.totpSecret) {
    const code = input.totp?.trim() ?? "";
    if (code === "") {
      // The password was right: asking for the code is not a failed attempt.
      await prisma.user.updateMany({
        where: { id: user.id, failedLogins: { gt: 0 } },
        data: { failedLogins: { decrement: 1 } },
      });
      return fail("totp_required", "totpRequired");
    }
    totpCounter = await checkTotp(code, user.totpSecret, nowMs, user.totpLastCounter);
    // Stored with a conditional update: of concurrent sign-ins with one code, exactly one wins.
    if (totpCounter === null || !(await consumeTotpStep(prisma, user.id, totpCounter)))
      return fail("totp_invalid", "wrongTotp");
  }

  await prisma.user.update({
    where: { id: user.id },
    data: {
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: now,
      ...(totpCounter !== null ? { lastStepUpAt: now } : {}),
    },
  });
  const rehashed = await upgradePasswordHash(prisma, user.id, user.passwordHash, input.password);
  // Signing in with TOTP counts as a step-up in the new session only.
  const sessionId = await createSession(prisma, { userId: user.id, role: user.role, ip }, nowMs);
  if (totpCounter !== null) await prisma.authSession.update({ where: { id: sessionId }, data: { stepUpAt: now } });
  await throttle.clearAccount(email, ip);
  await appendAuditEvent(prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "auth.signIn",
    targetType: "User",
    targetId: user.id,
    after: { ip, totp: totpCounter !== null, sessionId, ...(rehashed ? { passwordRehashed: true } : {}) },
  });
  return toSessionUser({ ...user, role: user.role }, { totpEnrolled: enrolled, sessionId });
}

/** Rewrites a hash made at an older cost, unless the password changed meanwhile. */
async function upgradePasswordHash(
  prisma: PrismaClient,
  userId: string,
  stored: string,
  password: string,
): Promise<boolean> {
  if (!needsRehash(stored)) return false;
  const { count } = await prisma.user.updateMany({
    where: { id: userId, passwordHash: stored },
    data: { passwordHash: await hashPassword(password) },
  });
  return count === 1;
}
