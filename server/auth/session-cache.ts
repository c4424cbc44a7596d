// A short-lived cache of the user behind a session id, for the per-request path (tRPC, REST, pages).
// Without it every request reads the AuthSession and User rows; at 200 requests/s that is 400
// reads a second for the same handful of people. An entry lives SESSION_CACHE_TTL_MS, so a
// revocation written by any process (another web instance, a script) is seen within that time
// even if no invalidation reaches this process; revocations made through this code forget the
// entries at once here and announce it on the bus (SESSION_INVALIDATED_TOPIC) for the others.
// Concurrent lookups of one session share one read; an invalidation drops in-flight reads too, so
// a read that started before a revocation cannot put the revoked user back for later requests.
import type { EventBus } from "../engine/event-bus";
import type { SessionUser } from "./session-types";

export const SESSION_CACHE_TTL_MS = 500;
export const SESSION_INVALIDATED_TOPIC = "auth:sessions";
const MAX_ENTRIES = 10_000;

export interface SessionInvalidation {
  sessionId?: string;
  userId?: string;
}

interface Entry {
  userId: string;
  at: number; // when the read started (clock of the caller)
  value: Promise<SessionUser | null>;
}

export class SessionUserCache {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners = new Set<(inv: SessionInvalidation) => void>();

  constructor(private readonly ttlMs = SESSION_CACHE_TTL_MS) {}

  /** The cached user of this session if fresh, else load() once for every concurrent caller. */
  get(
    sessionId: string,
    userId: string,
    nowMs: number,
    load: () => Promise<SessionUser | null>,
  ): Promise<SessionUser | null> {
    const hit = this.entries.get(sessionId);
    if (hit && hit.userId === userId && nowMs >= hit.at && nowMs - hit.at < this.ttlMs) return hit.value;
    const value = load();
    const entry: Entry = { userId, at: nowMs, value };
    if (this.entries.size >= MAX_ENTRIES) this.prune(nowMs);
    this.entries.set(sessionId, entry);
    // A failed read is not remembered: the next request tries again.
    value.catch(() => {
      if (this.entries.get(sessionId) === entry) this.entries.delete(sessionId);
    });
    return value;
  }

  /** Forgets here, then tells the listeners (the bus, so other instances forget too). */
  invalidate(inv: SessionInvalidation): void {
    this.forget(inv);
    for (const l of this.listeners) l(inv);
  }

  /** Forgets here only (an invalidation that arrived from elsewhere). */
  forget(inv: SessionInvalidation): void {
    if (inv.sessionId) this.entries.delete(inv.sessionId);
    if (inv.userId) {
      for (const [sid, e] of this.entries) if (e.userId === inv.userId) this.entries.delete(sid);
    }
    if (!inv.sessionId && !inv.userId) this.entries.clear();
  }

  onInvalidate(fn: (inv: SessionInvalidation) => void): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  size(): number {
    return this.entries.size;
  }

  private prune(nowMs: number): void {
    for (const [sid, e] of this.entries) if (!(nowMs >= e.at && nowMs - e.at < this.ttlMs)) this.entries.delete(sid);
    // Still full (a burst of distinct sessions within one TTL): start over rather than grow.
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
  }
}

/**
 * SESSION_CACHE_TTL_MS in the environment, 0..1000 (0 turns the cache off: bench:api measures
 * both); anything else is the default. Never above a second: the revocation promise.
 */
function processTtl(): number {
  const raw = process.env.SESSION_CACHE_TTL_MS;
  const v = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(v) && v >= 0 && v <= 1000 ? v : SESSION_CACHE_TTL_MS;
}

/** The process's cache, used by the request path and invalidated by the revocations in ./sessions. */
export const sessionUserCache = new SessionUserCache(processTtl());

/**
 * Connects a cache to the bus: local invalidations are published, and invalidations published by
 * other instances (with a cross-instance bus) are applied here. Returns the unsubscribe.
 */
export function connectSessionCacheToBus(bus: EventBus, cache: SessionUserCache = sessionUserCache): () => void {
  const origin = `${process.pid}-${Math.random().toString(36).slice(2)}`;
  const off = cache.onInvalidate((inv) => bus.publish(SESSION_INVALIDATED_TOPIC, { ...inv, origin }));
  const unsub = bus.subscribe<SessionInvalidation & { origin?: string }>(SESSION_INVALIDATED_TOPIC, (e) => {
    if (e.data.origin === origin) return;
    cache.forget({ sessionId: e.data.sessionId, userId: e.data.userId });
  });
  return () => {
    off();
    unsub();
  };
}
