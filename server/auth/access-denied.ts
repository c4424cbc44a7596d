// Every FORBIDDEN attempt goes on the audit trail (DESIGN 0), aggregated: one "access.denied"
// event per actor (and token), permission and minute, so a script hammering a forbidden call
// cannot flood the hash chain. The count of repeats within the minute is not recorded.
import { domainLog } from "../log";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import type { SessionUser } from "./sign-in";

const recorded = new Map<string, number>(); // key -> minute it was recorded in
const MAX_KEYS = 10_000;

export async function auditForbidden(
  prisma: PrismaClient,
  user: SessionUser,
  detail: { permission: string; path: string; reason: string },
  nowMs = Date.now(),
): Promise<void> {
  const minute = Math.floor(nowMs / 60_000);
  const key = `${user.id}|${user.token?.id ?? ""}|${detail.permission}`;
  if (recorded.get(key) === minute) return;
  if (recorded.size >= MAX_KEYS) {
    for (const [k, m] of recorded) if (m < minute) recorded.delete(k);
    if (recorded.size >= MAX_KEYS) recorded.clear();
  }
  recorded.set(key, minute);
  try {
    await appendAuditEvent(prisma, {
      actorId: user.id,
      actorEmail: user.email,
      action: "access.denied",
      targetType: "Permission",
      targetId: detail.permission,
      after: {
        path: detail.path,
        reason: detail.reason,
        role: user.role,
        minute: new Date(minute * 60_000).toISOString(),
      },
    });
  } catch (err) {
    // The refusal stands either way; the next attempt tries to record it again.
    recorded.delete(key);
    domainLog("auth").error({ err }, "could not audit a refused call");
  }
}
