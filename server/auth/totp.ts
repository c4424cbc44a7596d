// TOTP (RFC 6238, 30 s step, 6 digits, SHA-1) for MANAGER and ADMIN sign-in and step-up.
// A code is accepted one step either side of now, and never twice: the accepted time step is
// returned so the caller can store it and refuse its reuse.
import { authenticator } from "otplib";

const STEP_SECONDS = 30;

export function generateTotpSecret(): string {
  return authenticator.generateSecret(20);
}

export function totpUri(secret: string, email: string): string {
  return authenticator.keyuri(email, "Minute Desk", secret);
}

export function generateTotpCode(secret: string, nowMs: number): string {
  return authenticator.clone({ epoch: nowMs }).generate(secret);
}

/** Returns the accepted time step (counter), or null when the code is wrong or already used. */
export function checkTotp(
  code: string,
  secret: string,
  nowMs: number,
  lastCounter: number | null,
): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const delta = authenticator.clone({ epoch: nowMs, window: 1 }).checkDelta(code, secret);
  if (delta === null) return null;
  const counter = Math.floor(nowMs / 1000 / STEP_SECONDS) + delta;
  if (lastCounter !== null && counter <= lastCounter) return null;
  return counter;
}

export const STEP_UP_MAX_AGE_MS = 5 * 60 * 1000;

export function isStepUpFresh(lastStepUpAt: Date | null, nowMs: number): boolean {
  return lastStepUpAt !== null && nowMs - lastStepUpAt.getTime() <= STEP_UP_MAX_AGE_MS;
}
