// Reads for the console: incidents (open first) with their pages and deliveries, and a person's
// own open pages (the in-app channel).
import type { PrismaClient } from "../db/generated/client";
import { nextEscalationAt, type EscalationTarget } from "./escalation";
import { chainLevels } from "./pager";

/** Who is paged now, for a table cell: a fallback page to a whole role would list twenty people. */
function namesOf(names: string[]): string | null {
  if (names.length === 0) return null;
  return names.length <= 3 ? names.join(", ") : `${names.slice(0, 3).join(", ")} +${names.length - 3}`;
}

export async function listIncidents(prisma: PrismaClient, input: { scope: "open" | "all"; take: number; id?: string }) {
  const rows = await prisma.oncallIncident.findMany({
    where: input.id ? { id: input.id } : input.scope === "open" ? { status: { in: ["OPEN", "ACKNOWLEDGED"] } } : {},
    orderBy: [{ firstAt: "desc" }],
    take: input.take,
    include: { _count: { select: { pages: true } } },
  });
  const ids = new Set<string>();
  for (const r of rows) {
    for (const t of r.chain as unknown as EscalationTarget[]) ids.add(t.userId);
    if (r.acknowledgedById) ids.add(r.acknowledgedById);
  }
  const users = await prisma.user.findMany({
    where: { id: { in: [...ids] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows.map((r) => {
    const chain = (r.chain as unknown as EscalationTarget[]).map((t) => ({
      ...t,
      name: byId.get(t.userId)?.name ?? "",
    }));
    return {
      id: r.id,
      kind: r.kind,
      key: r.key,
      severity: r.severity,
      title: r.title,
      detail: r.detail,
      // Chinese texts; "" on incidents opened before they existed (the console then shows English).
      titleZh: r.titleZh,
      detailZh: r.detailZh,
      link: r.link,
      status: r.status,
      level: r.level,
      firstAt: r.firstAt,
      lastAt: r.lastAt,
      occurrences: r.occurrences,
      pages: r._count.pages,
      chain,
      onCall: namesOf(chain.filter((t) => t.level === r.level).map((t) => t.name)),
      nextEscalationAt: nextEscalationAt(
        { status: r.status as "OPEN", level: r.level, lastPagedAt: r.lastPagedAt.getTime() },
        { escalateAfterMinutes: r.escalateAfterMin },
        chainLevels(chain),
      ),
      acknowledgedBy: r.acknowledgedById ? (byId.get(r.acknowledgedById)?.email ?? null) : null,
      acknowledgedAt: r.acknowledgedAt,
      acknowledgedVia: r.acknowledgedVia,
      resolvedAt: r.resolvedAt,
      policyVersion: r.policyVersion,
    };
  });
}

export async function incidentDetail(prisma: PrismaClient, id: string) {
  const inc = await prisma.oncallIncident.findUnique({
    where: { id },
    include: { pages: { orderBy: { createdAt: "asc" }, include: { deliveries: { orderBy: { createdAt: "asc" } } } } },
  });
  if (!inc) return null;
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(inc.pages.map((p) => p.userId))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    id: inc.id,
    title: inc.title,
    titleZh: inc.titleZh,
    status: inc.status,
    pages: inc.pages.map((p) => ({
      id: p.id,
      at: p.createdAt,
      level: p.level,
      reason: p.reason,
      severity: p.severity,
      role: p.role,
      person: byId.get(p.userId)?.name ?? p.userId,
      deliveries: p.deliveries.map((d) => ({
        id: d.id,
        kind: d.kind,
        status: d.status,
        attempts: d.attempts,
        lastError: d.lastError,
        sentAt: d.sentAt,
      })),
    })),
  };
}

/** The caller's pages of incidents still open or acknowledged (newest first): the in-app channel. */
export async function myOpenPages(prisma: PrismaClient, userId: string) {
  const rows = await prisma.oncallPage.findMany({
    where: { userId, incident: { status: "OPEN" } },
    orderBy: { createdAt: "desc" },
    take: 20,
    select: {
      id: true,
      createdAt: true,
      severity: true,
      incident: { select: { id: true, title: true, titleZh: true, link: true } },
    },
  });
  return rows;
}
