// Security alerts for ADMIN: lock-outs of sign-in and step-up. Each is an audit event with the
// action "security.alert" (so it is on the tamper-evident trail), listed on the Users page.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";

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
