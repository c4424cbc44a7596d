// TOTP (RFC 6238, 30 s step, 6 digits, SHA-1) for MANAGER and ADMIN sign-in and step-up, on
// otplib 13. A code is accepted one step either side of now and never twice: the caller passes the
// last accepted time step (afterTimeStep) and stores the returned one with a conditional update
// (see consumeTotpStep), so two concurrent requests cannot both use one code.
import { generateSecret, generateSync, generateURI, verify } from "otplib";
import type { PrismaClient } from "../db/generated/client";

const STEP_SECONDS = 30;

export function generateTotpSecret(): string {
  return generateSecret({ length: 20 });
}

export function totpUri(secret: string, email: string): string {
  // Spelled out (otplib 13 omits defaults): some authenticator apps need every parameter.
  const uri = new URL(generateURI({ issuer: "Minute Desk", label: email, secret }));
  uri.searchParams.set("algorithm", "SHA1");
  uri.searchParams.set("digits", "6");
  uri.searchParams.set("period", String(STEP_SECONDS));
  return uri.toString();
}

/** The code for the time step holding nowMs (synchronous: tests and the e2e helper use it). */
export function generateTotpCode(secret: string, nowMs: number): string {
  return generateSync({ secret, epoch: Math.floor(nowMs / 1000), period: STEP_SECONDS, digits: 6 });
}

/** Returns the accepted time step (counter), or null when the code is wrong or already used. */
export async function checkTotp(
  code: string,
  secret: string,
  nowMs: number,
  lastCounter: number | null,
): Promise<number | null> {
  if (!/^\d{6}$/.test(code)) return null;
  try {
    const result = await verify({
      secret,
      token: code,
      epoch: Math.floor(nowMs / 1000),
      period: STEP_SECONDS,
      epochTolerance: STEP_SECONDS, // one step either side
      ...(lastCounter !== null ? { afterTimeStep: lastCounter } : {}),
    });
    if (!result.valid) return null;
    return Math.floor(nowMs / 1000 / STEP_SECONDS) + result.delta;
  } catch {
    return null; // a malformed secret is a refusal, never an acceptance
  }
}

/**
 * Stores an accepted time step only if no equal or later step was stored meanwhile (one
 * conditional UPDATE): true when this request won the code, false when another one used it first.
 */
export async function consumeTotpStep(
  prisma: Pick<PrismaClient, "user">,
  userId: string,
  counter: number,
): Promise<boolean> {
  const { count } = await prisma.user.updateMany({
    where: { id: userId, OR: [{ totpLastCounter: null }, { totpLastCounter: { lt: counter } }] },
    data: { totpLastCounter: counter },
  });
  return count === 1;
}

export const STEP_UP_MAX_AGE_MS = 5 * 60 * 1000;

export function isStepUpFresh(lastStepUpAt: Date | null, nowMs: number): boolean {
  return lastStepUpAt !== null && nowMs - lastStepUpAt.getTime() <= STEP_UP_MAX_AGE_MS;
}
