// Credentials check for sign-in: password, TOTP where enrolled, lockout after repeated failures.
// Every outcome is audited. No next-auth imports here (usable from tests and scripts).
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { getDummyHash, verifyPassword } from "./password";
import { isRole, requiresTotp, type Role } from "./roles";
import { checkTotp } from "./totp";

export const MAX_FAILED_SIGN_INS = 5;
export const LOCKOUT_MS = 15 * 60 * 1000;

/** Error codes the sign-in form translates for the user. */
export type SignInErrorCode = "invalid_credentials" | "totp_required" | "totp_invalid" | "locked" | "disabled";

export class SignInError extends Error {
  constructor(readonly code: SignInErrorCode) {
    super(code);
  }
}

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  /** MANAGER/ADMIN without TOTP yet: may only enroll. */
  totpPending: boolean;
}

export interface SignInInput {
  email: string;
  password: string;
  totp?: string;
  ip?: string;
}

export async function signInWithCredentials(
  prisma: PrismaClient,
  input: SignInInput,
  nowMs: number = Date.now(),
): Promise<SessionUser> {
  const email = input.email.trim().toLowerCase();
  const user = await prisma.user.findUnique({ where: { email } });
  const fail = async (code: SignInErrorCode, countsAsFailure: boolean): Promise<never> => {
    let lockedNow = false;
    if (user && countsAsFailure) {
      const failed = user.failedLogins + 1;
      lockedNow = failed >= MAX_FAILED_SIGN_INS;
      await prisma.user.update({
        where: { id: user.id },
        data: lockedNow
          ? { failedLogins: 0, lockedUntil: new Date(nowMs + LOCKOUT_MS) }
          : { failedLogins: failed },
      });
    }
    await appendAuditEvent(prisma, {
      actorId: user?.id ?? null,
      actorEmail: email,
      action: "auth.signInFailed",
      targetType: "User",
      targetId: user?.id ?? null,
      after: { reason: code, ip: input.ip ?? null, locked: lockedNow },
    });
    throw new SignInError(lockedNow ? "locked" : code);
  };

  if (!user) {
    await verifyPassword(input.password, await getDummyHash()); // same timing as a real check
    return fail("invalid_credentials", false);
  }
  if (user.lockedUntil && user.lockedUntil.getTime() > nowMs) return fail("locked", false);
  if (user.disabled) return fail("disabled", false);
  if (!(await verifyPassword(input.password, user.passwordHash))) return fail("invalid_credentials", true);
  if (!isRole(user.role)) return fail("invalid_credentials", false);

  const enrolled = user.totpSecret !== null && user.totpEnrolledAt !== null;
  let totpCounter: number | null = null;
  if (enrolled && user.totpSecret) {
    const code = input.totp?.trim() ?? "";
    if (code === "") return fail("totp_required", false);
    totpCounter = checkTotp(code, user.totpSecret, nowMs, user.totpLastCounter);
    if (totpCounter === null) return fail("totp_invalid", true);
  }

  await prisma.user.update({
    where: { id: user.id },
    data: {
      failedLogins: 0,
      lockedUntil: null,
      lastLoginAt: new Date(nowMs),
      ...(totpCounter !== null ? { totpLastCounter: totpCounter, lastStepUpAt: new Date(nowMs) } : {}),
    },
  });
  await appendAuditEvent(prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "auth.signIn",
    targetType: "User",
    targetId: user.id,
    after: { ip: input.ip ?? null, totp: totpCounter !== null },
  });
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role: user.role,
    totpPending: requiresTotp(user.role) && !enrolled,
  };
}
