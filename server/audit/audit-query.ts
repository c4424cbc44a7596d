// Read side of the audit trail: newest first, paged by id, filtered by action prefix or actor.
import type { Prisma, PrismaClient } from "../db/generated/client";

export async function listAuditEvents(
  prisma: PrismaClient,
  input: { action?: string; actorEmail?: string; beforeId?: number; limit: number },
) {
  const where: Prisma.AuditEventWhereInput = {
    ...(input.action ? { action: { startsWith: input.action } } : {}),
    ...(input.actorEmail ? { actorEmail: { contains: input.actorEmail.toLowerCase() } } : {}),
    ...(input.beforeId ? { id: { lt: input.beforeId } } : {}),
  };
  const rows = await prisma.auditEvent.findMany({ where, orderBy: { id: "desc" }, take: input.limit + 1 });
  const items = rows.slice(0, input.limit);
  return { items, nextBeforeId: rows.length > input.limit ? (items[items.length - 1]?.id ?? null) : null };
}
