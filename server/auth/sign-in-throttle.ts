// Sign-in throttling per client IP and per account (rate-limiter-flexible). The process's throttle
// keeps its counters in the database (rate-limit-store.ts), so several web instances on one
// PostgreSQL count the same attempts; tests may use the memory store. A throttled attempt is
// refused before the user is read or a password hashed.
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import type { PrismaClient } from "../db/generated/client";
import { createSqlRateLimiter } from "./rate-limit-store";

export interface ThrottleLimits {
  /** Attempts per client IP per window. */
  perIp: number;
  /** Attempts per account (email) per window; a successful sign-in clears it. */
  perAccount: number;
  windowS: number;
}

export const DEFAULT_SIGN_IN_LIMITS: ThrottleLimits = { perIp: 30, perAccount: 10, windowS: 15 * 60 };

export class ThrottledError extends Error {
  constructor(
    readonly retryAfterS: number,
    /** True for the first refusal of a window: worth one audit event, not one per attempt. */
    readonly firstRefusal: boolean,
    readonly scope: "ip" | "account",
  ) {
    super("rate_limited");
  }
}

export interface SignInThrottle {
  /** Counts one attempt; throws ThrottledError when the IP or the account is over its limit. */
  consume(ip: string | null | undefined, email: string): Promise<void>;
  /**
   * After a successful sign-in: clears the account's count and gives the IP its attempt back, so the
   * IP limit counts failures (an office behind one address signs in many people a morning).
   */
  clearAccount(email: string, ip?: string | null): Promise<void>;
  /** Without counting: seconds to wait when the IP or the account is already over its limit, else null. */
  peek(ip: string | null | undefined, email: string): Promise<number | null>;
}

export function createSignInThrottle(
  limits: ThrottleLimits = DEFAULT_SIGN_IN_LIMITS,
  store?: { prisma: PrismaClient },
): SignInThrottle {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    store
      ? createSqlRateLimiter(store.prisma, { keyPrefix, points, duration: limits.windowS })
      : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowS });
  const byIp = make("signin_ip", limits.perIp);
  const byAccount = make("signin_account", limits.perAccount);

  async function take(limiter: RateLimiterAbstract, key: string, points: number, scope: "ip" | "account") {
    try {
      await limiter.consume(key, 1);
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err; // a store failure is not a throttle
      throw new ThrottledError(
        Math.max(1, Math.ceil(err.msBeforeNext / 1000)),
        err.consumedPoints === points + 1,
        scope,
      );
    }
  }

  return {
    async consume(ip, email) {
      if (ip) await take(byIp, ip, limits.perIp, "ip");
      await take(byAccount, email, limits.perAccount, "account");
    },
    async clearAccount(email, ip) {
      await byAccount.delete(email);
      if (ip) await byIp.reward(ip, 1);
    },
    async peek(ip, email) {
      const over = async (limiter: RateLimiterAbstract, key: string, points: number) => {
        const res = await limiter.get(key);
        return res && res.consumedPoints > points ? Math.max(1, Math.ceil(res.msBeforeNext / 1000)) : null;
      };
      return (ip ? await over(byIp, ip, limits.perIp) : null) ?? (await over(byAccount, email, limits.perAccount));
    },
  };
}

const SHARED_KEY = Symbol.for("minute-desk.signInThrottle");

/**
 * The throttle of this database (counters in its rate_limits table), one per Prisma client and
 * shared by every copy of this module (the route bundle and next-auth's authorize both count).
 */
export function getSignInThrottle(prisma: PrismaClient): SignInThrottle {
  const g = globalThis as { [SHARED_KEY]?: WeakMap<PrismaClient, SignInThrottle> };
  const byDb = (g[SHARED_KEY] ??= new WeakMap());
  let throttle = byDb.get(prisma);
  if (!throttle) {
    throttle = createSignInThrottle(DEFAULT_SIGN_IN_LIMITS, { prisma });
    byDb.set(prisma, throttle);
  }
  return throttle;
}
