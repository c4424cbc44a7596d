// Security alerts for ADMIN: lock-outs of sign-in and step-up. Each is an audit event with the
// action "security.alert" (so it is on the tamper-evident trail), listed on the Users page.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import type { DeskEvent } from "../notify/desk-event";

export type SecurityAlertKind = "stepUpLocked" | "signInLocked";

export async function raiseSecurityAlert(
  prisma: PrismaClient,
  alert: { kind: SecurityAlertKind; userId: string | null; email: string; message: string; ip?: string | null },
): Promise<void> {
  await appendAuditEvent(prisma, {
    actorId: null,
    actorEmail: null,
    action: "security.alert",
    targetType: "User",
    targetId: alert.userId,
    after: { kind: alert.kind, email: alert.email, message: alert.message, ip: alert.ip ?? null },
  });
}

/** The latest security alerts, newest first (ADMIN sees them on the Users page). */
export async function listSecurityAlerts(prisma: PrismaClient, take = 20) {
  const rows = await prisma.auditEvent.findMany({
    where: { action: "security.alert" },
    orderBy: { id: "desc" },
    take,
    select: { id: true, ts: true, targetId: true, after: true },
  });
  return rows.map((r) => {
    const after = (r.after ?? {}) as { kind?: string; email?: string; message?: string };
    return {
      id: r.id,
      ts: r.ts,
      userId: r.targetId,
      kind: after.kind ?? "",
      email: after.email ?? "",
      message: after.message ?? "",
    };
  });
}

/**
 * What a security alert on the trail pages as (on-call reads the trail: a lock-out happens on any web
 * instance). Step-up lock-outs page ADMIN; sign-in lock-outs stay on the Users page (they are routine).
 */
export function securityAlertDeskEvent(
  row: { id: number; targetId: string | null; after: unknown },
  now: number,
): DeskEvent | null {
  const a = (row.after ?? {}) as { kind?: string; email?: string };
  if (a.kind !== "stepUpLocked") return null;
  const who = a.email ?? "unknown user";
  return {
    kind: "auth.stepUpLocked",
    severity: "WARNING",
    key: `stepup:${row.targetId ?? a.email ?? row.id}`,
    title: `Step-up locked: ${who}`,
    detail: "Five wrong authenticator codes locked step-up for 15 minutes.",
    zh: { title: `二次验证已锁定：${who}`, detail: "连续五次输入错误的验证码，二次验证已锁定 15 分钟。" },
    objectType: "User",
    objectId: row.targetId,
    link: "/admin/users",
    ts: now,
  };
}
