// Paging one person inside a transaction: the page row (which is also its in-app notification), an
// IN_APP delivery, and either the first usable external channel as a PENDING delivery, or a HELD
// record when quiet hours keep a non-critical page in the console. Audited.
import type { Prisma } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { Severity } from "../notify/desk-event";
import { pushesExternally, type QuietHours } from "./quiet-hours";

type Tx = Prisma.TransactionClient;

/** Consecutive failed deliveries after which a channel is passed over while another one works. */
export const FAILING_AFTER = 3;

export type PageReason = "FIRST" | "ESCALATION" | "SEVERITY" | "NOBODY_ON_DUTY";

export async function pagePersonTx(
  tx: Tx,
  input: {
    incidentId: string;
    userId: string;
    role: string;
    level: number;
    reason: PageReason;
    severity: Severity;
    quietHours: QuietHours | null;
    now: number;
  },
): Promise<{ pageId: string; external: "PENDING" | "HELD" | "NONE" }> {
  const at = new Date(input.now);
  const page = await tx.oncallPage.create({
    data: {
      incidentId: input.incidentId,
      userId: input.userId,
      role: input.role,
      level: input.level,
      reason: input.reason,
      severity: input.severity,
      createdAt: at,
    },
  });
  await tx.oncallDelivery.create({
    data: { pageId: page.id, kind: "IN_APP", status: "SENT", attempts: 1, sentAt: at, createdAt: at },
  });
  let external: "PENDING" | "HELD" | "NONE" = "NONE";
  const channels = await tx.oncallChannel.findMany({
    where: { userId: input.userId, enabled: true },
    orderBy: [{ priority: "asc" }, { createdAt: "asc" }],
    select: { id: true, kind: true, consecutiveFailures: true },
  });
  if (channels.length > 0) {
    if (!pushesExternally(input.severity, input.quietHours, input.now)) {
      await tx.oncallDelivery.create({
        data: { pageId: page.id, kind: "EXTERNAL", status: "HELD", lastError: "quiet hours", createdAt: at },
      });
      external = "HELD";
    } else {
      // A channel that keeps failing is passed over while another works; if all fail, try the first.
      const ch = channels.find((c) => c.consecutiveFailures < FAILING_AFTER) ?? channels[0];
      if (ch) {
        await tx.oncallDelivery.create({
          data: {
            pageId: page.id,
            channelId: ch.id,
            kind: ch.kind,
            status: "PENDING",
            nextAttemptAt: at,
            createdAt: at,
          },
        });
        external = "PENDING";
      }
    }
  }
  await appendAuditEventTx(tx, {
    actorId: null,
    actorEmail: null,
    action: input.reason === "ESCALATION" ? "oncall.escalated" : "oncall.paged",
    targetType: "OncallIncident",
    targetId: input.incidentId,
    after: {
      pageId: page.id,
      userId: input.userId,
      role: input.role,
      level: input.level,
      reason: input.reason,
      severity: input.severity,
      external,
    },
  });
  return { pageId: page.id, external };
}
