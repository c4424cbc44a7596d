// What the unauthenticated bank callback checks before it reads a body (DESIGN 10 limits): a
// per-IP throttle counted in the database so every instance shares it (429 with Retry-After), a signature header of the right form (a request
// without one is refused and audited without reading its body), JSON only, and a small body cap
// (a rail answer is a few hundred bytes).
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { createSqlRateLimiter } from "../auth/rate-limit-store";
import { AppError } from "../errors";

/** A callback body is one rail answer: 16 KB is far above any real one. */
export const CALLBACK_MAX_BODY_BYTES = 16 * 1024;
/** Per client IP: a bank posts a few answers a second at most. */
export const CALLBACK_THROTTLE = { points: 120, durationSeconds: 60 } as const;

const SIGNATURE_FORM = /^[0-9a-f]{64}$/i;

/** A per-IP limiter with its counters in the database (shared by every web instance). */
export function createCallbackThrottle(
  prisma: PrismaClient,
  opts: { points: number; durationSeconds: number } = CALLBACK_THROTTLE,
): RateLimiterAbstract {
  return createSqlRateLimiter(prisma, {
    keyPrefix: "payments-callback",
    points: opts.points,
    duration: opts.durationSeconds,
  });
}

const THROTTLE_KEY = Symbol.for("minute-desk.callbackThrottle");
type ThrottleHolder = { [THROTTLE_KEY]?: WeakMap<PrismaClient, RateLimiterAbstract> };

/** The callback throttle of this database, one per Prisma client and shared by every copy of this module. */
export function getCallbackThrottle(prisma: PrismaClient): RateLimiterAbstract {
  const byDb = ((globalThis as ThrottleHolder)[THROTTLE_KEY] ??= new WeakMap());
  let limiter = byDb.get(prisma);
  if (!limiter) {
    limiter = createCallbackThrottle(prisma);
    byDb.set(prisma, limiter);
  }
  return limiter;
}

/** Sets the limits of this database's callback throttle (tests use a small allowance). */
export function setCallbackThrottle(prisma: PrismaClient, limiter: RateLimiterAbstract): void {
  ((globalThis as ThrottleHolder)[THROTTLE_KEY] ??= new WeakMap()).set(prisma, limiter);
}

/** 429 with Retry-After once an IP has used its allowance. */
export async function throttleCallback(limiter: RateLimiterAbstract, ip: string | null): Promise<void> {
  try {
    await limiter.consume(ip ?? "unknown");
  } catch (res) {
    if (res instanceof RateLimiterRes) {
      const seconds = Math.max(1, Math.ceil(res.msBeforeNext / 1000));
      throw new AppError("TOO_MANY_REQUESTS", `Too many callbacks from this address; retry in ${seconds} s.`, seconds);
    }
    throw res;
  }
}

/** Refuses (and audits) a callback whose X-Signature header is missing or not 64 hex digits, before its body is read. */
export async function assertSignatureHeader(prisma: PrismaClient, headers: Headers, ip: string | null): Promise<void> {
  const signature = headers.get("x-signature");
  if (signature && SIGNATURE_FORM.test(signature)) return;
  await appendAuditEvent(prisma, {
    actorEmail: "system:bank-callback",
    action: "payments.callbackRejected",
    targetType: "PaymentCallback",
    after: {
      reason: signature ? "malformed signature" : "missing signature",
      ip,
      bodyRead: false,
      declaredLength: headers.get("content-length"),
    },
  });
  throw new AppError(
    "UNAUTHORIZED",
    "The callback signature is missing or wrong (HMAC-SHA256 of the raw body, hex, in X-Signature).",
  );
}
