// What the unauthenticated bank callback checks before it reads a body (DESIGN 10 limits): a
// per-IP throttle (429 with Retry-After), a signature header of the right form (a request
// without one is refused and audited without reading its body), JSON only, and a small body cap
// (a rail answer is a few hundred bytes).
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";

/** A callback body is one rail answer: 16 KB is far above any real one. */
export const CALLBACK_MAX_BODY_BYTES = 16 * 1024;
/** Per client IP: a bank posts a few answers a second at most. */
export const CALLBACK_THROTTLE = { points: 120, durationSeconds: 60 } as const;

const SIGNATURE_FORM = /^[0-9a-f]{64}$/i;

export function createCallbackThrottle(
  opts: { points: number; durationSeconds: number } = CALLBACK_THROTTLE,
): RateLimiterMemory {
  return new RateLimiterMemory({ points: opts.points, duration: opts.durationSeconds, keyPrefix: "payments-callback" });
}

const THROTTLE_KEY = Symbol.for("minute-desk.callbackThrottle");

/** The process's callback throttle (one per process, shared by every copy of this module). */
export function getCallbackThrottle(): RateLimiterMemory {
  const g = globalThis as { [THROTTLE_KEY]?: RateLimiterMemory };
  g[THROTTLE_KEY] ??= createCallbackThrottle();
  return g[THROTTLE_KEY];
}

/** 429 with Retry-After once an IP has used its allowance. */
export async function throttleCallback(limiter: RateLimiterMemory, ip: string | null): Promise<void> {
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
