// Throttle for the signed acknowledge link (GET /oncall/ack and its POST): the link is a credential
// used without a session, so guessing signatures or hammering the database through it is limited per
// client address and per page id (a leaked link cannot be replayed at speed from many addresses).
// Memory store by default, like sign-in throttling; pass a pg Pool to share counters across instances.
import type pg from "pg";
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";

export interface AckThrottleLimits {
  /** Opens and submissions per client address per window. */
  perIp: number;
  /** Opens and submissions of one page's link per window, from anywhere. */
  perPage: number;
  windowS: number;
}

/** A person opens a link once or twice and presses once; 20 per 5 minutes leaves room for a shared office. */
export const DEFAULT_ACK_LIMITS: AckThrottleLimits = { perIp: 20, perPage: 10, windowS: 5 * 60 };

export interface AckThrottle {
  /** Counts one use; returns null when allowed, else the seconds to wait. */
  take(ip: string | null | undefined, pageId: unknown): Promise<number | null>;
}

export function createAckThrottle(
  limits: AckThrottleLimits = DEFAULT_ACK_LIMITS,
  store?: { pool: pg.Pool },
): AckThrottle {
  const make = (keyPrefix: string, points: number): RateLimiterAbstract =>
    store
      ? new RateLimiterPostgres({
          storeClient: store.pool,
          storeType: "pool",
          tableName: "rate_limits",
          keyPrefix,
          points,
          duration: limits.windowS,
        })
      : new RateLimiterMemory({ keyPrefix, points, duration: limits.windowS });
  const byIp = make("oncall_ack_ip", limits.perIp);
  const byPage = make("oncall_ack_page", limits.perPage);
  const consume = async (limiter: RateLimiterAbstract, key: string): Promise<number | null> => {
    try {
      await limiter.consume(key, 1);
      return null;
    } catch (err) {
      if (!(err instanceof RateLimiterRes)) throw err; // a store failure is not a throttle
      return Math.max(1, Math.ceil(err.msBeforeNext / 1000));
    }
  };
  return {
    async take(ip, pageId) {
      // Without a proxy header every direct client shares one bucket: still a cap on the database work.
      const ipWait = await consume(byIp, ip || "direct");
      if (ipWait !== null) return ipWait;
      // Page ids are short cuids; a junk value is refused by the signature check and counted per address only
      // (one key per junk value would let an attacker grow the store).
      if (typeof pageId !== "string" || !/^[a-z0-9]{1,64}$/i.test(pageId)) return null;
      return consume(byPage, pageId);
    },
  };
}

/** The first address of X-Forwarded-For (set by the proxy in front), as the other routes read it. */
export function clientIpOf(headers: { get(name: string): string | null }): string | null {
  return headers.get("x-forwarded-for")?.split(",")[0]?.trim().slice(0, 64) || null;
}

let shared: AckThrottle | undefined;
/** The process's throttle (memory store). */
export function getAckThrottle(): AckThrottle {
  shared ??= createAckThrottle();
  return shared;
}
