// Server-side sessions (DESIGN 0): the next-auth JWT carries only a session id; every request
// re-reads the AuthSession row, so revoking it ends the session at once. Sign-out, disabling a
// user, a role change, a TOTP reset and "sign out everywhere" revoke; live streams re-check.
import type { PrismaClient } from "../db/generated/client";
import { sessionUserCache } from "./session-cache";

export const SESSION_MAX_AGE_MS = 8 * 60 * 60 * 1000; // one working day
// lastSeenAt is informational: written at most once a minute per session.
const TOUCH_EVERY_MS = 60_000;

export type RevokeReason = "signOut" | "signOutEverywhere" | "disabled" | "roleChanged" | "totpReset" | "expired";

type Db = Pick<PrismaClient, "authSession">;

export async function createSession(
  prisma: Db,
  input: { userId: string; role: string; ip?: string | null },
  nowMs = Date.now(),
): Promise<string> {
  const row = await prisma.authSession.create({
    data: {
      userId: input.userId,
      role: input.role,
      ip: input.ip ?? null,
      createdAt: new Date(nowMs),
      lastSeenAt: new Date(nowMs),
      expiresAt: new Date(nowMs + SESSION_MAX_AGE_MS),
    },
    select: { id: true },
  });
  return row.id;
}

export interface ActiveSession {
  id: string;
  userId: string;
  role: string;
  stepUpAt: Date | null;
}

/** The session if it exists, belongs to userId, is not revoked and has not expired; else null. */
export async function loadActiveSession(
  prisma: Db,
  sessionId: string,
  userId: string,
  nowMs = Date.now(),
): Promise<ActiveSession | null> {
  const row = await prisma.authSession.findUnique({
    where: { id: sessionId },
    select: { id: true, userId: true, role: true, stepUpAt: true, revokedAt: true, expiresAt: true, lastSeenAt: true },
  });
  if (!row || row.userId !== userId || row.revokedAt || row.expiresAt.getTime() <= nowMs) return null;
  if (nowMs - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    await prisma.authSession.updateMany({
      where: { id: row.id, revokedAt: null },
      data: { lastSeenAt: new Date(nowMs) },
    });
  }
  return { id: row.id, userId: row.userId, role: row.role, stepUpAt: row.stepUpAt };
}

export async function revokeSession(
  prisma: Db,
  sessionId: string,
  reason: RevokeReason,
  nowMs = Date.now(),
): Promise<boolean> {
  const { count } = await prisma.authSession.updateMany({
    where: { id: sessionId, revokedAt: null },
    data: { revokedAt: new Date(nowMs), revokedReason: reason },
  });
  sessionUserCache.invalidate({ sessionId });
  return count === 1;
}

/** Ends every open session of a user (optionally but one); returns how many were ended. */
export async function revokeUserSessions(
  prisma: Db,
  userId: string,
  reason: RevokeReason,
  opts: { exceptSessionId?: string; nowMs?: number } = {},
): Promise<number> {
  const { count } = await prisma.authSession.updateMany({
    where: { userId, revokedAt: null, ...(opts.exceptSessionId ? { id: { not: opts.exceptSessionId } } : {}) },
    data: { revokedAt: new Date(opts.nowMs ?? Date.now()), revokedReason: reason },
  });
  sessionUserCache.invalidate({ userId });
  return count;
}

export async function listOpenSessions(prisma: Db, userId: string, nowMs = Date.now()) {
  return prisma.authSession.findMany({
    where: { userId, revokedAt: null, expiresAt: { gt: new Date(nowMs) } },
    orderBy: { createdAt: "desc" },
    select: { id: true, createdAt: true, lastSeenAt: true, expiresAt: true, ip: true, stepUpAt: true },
  });
}
