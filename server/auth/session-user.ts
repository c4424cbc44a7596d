// The user behind a server-side session, re-read from the database, and the periodic re-check
// that live streams use. No next-auth imports (tests and the tRPC layer use these directly).
import type { PrismaClient } from "../db/generated/client";
import { isRole } from "./roles";
import { sessionUserCache, type SessionUserCache } from "./session-cache";
import { loadActiveSession, revokeSession } from "./sessions";
import type { SessionUser } from "./sign-in";
import { toSessionUser } from "./to-session-user";

export async function resolveSessionUser(
  prisma: PrismaClient,
  userId: string,
  sessionId: string,
  nowMs = Date.now(),
): Promise<SessionUser | null> {
  const session = await loadActiveSession(prisma, sessionId, userId, nowMs);
  if (!session) return null;
  const user = await prisma.user.findUnique({ where: { id: userId } });
  if (!user || user.disabled || !isRole(user.role)) return null;
  if (session.role !== user.role) {
    // Changing a role revokes sessions; this catches any session that raced the change.
    await revokeSession(prisma, session.id, "roleChanged", nowMs);
    return null;
  }
  return toSessionUser(
    { ...user, role: user.role },
    { totpEnrolled: user.totpEnrolledAt !== null, sessionId: session.id },
  );
}

/**
 * resolveSessionUser through the short-lived session cache (./session-cache): the per-request path.
 * A revocation is seen at once when made through ./sessions, within SESSION_CACHE_TTL_MS otherwise.
 */
export function resolveSessionUserCached(
  prisma: PrismaClient,
  userId: string,
  sessionId: string,
  nowMs = Date.now(),
  cache: SessionUserCache = sessionUserCache,
): Promise<SessionUser | null> {
  return cache.get(sessionId, userId, nowMs, () => resolveSessionUser(prisma, userId, sessionId, nowMs));
}

/** True while the caller's session (or API token) is still good: used by open streams. */
export async function isCallerStillValid(
  prisma: PrismaClient,
  caller: SessionUser,
  nowMs = Date.now(),
): Promise<boolean> {
  if (caller.token) {
    const row = await prisma.apiToken.findUnique({
      where: { id: caller.token.id },
      select: { revokedAt: true, user: { select: { disabled: true, role: true } } },
    });
    return !!row && !row.revokedAt && !row.user.disabled && row.user.role === caller.role;
  }
  if (!caller.sessionId) return false;
  const fresh = await resolveSessionUser(prisma, caller.id, caller.sessionId, nowMs);
  return fresh !== null && fresh.role === caller.role;
}
