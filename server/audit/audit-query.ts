// Read side of the audit trail: newest first, paged by id, filtered by action prefix, actor, target
// and time range; each event carries its actor's name, the API token it came through (if any) and
// its change as readable rows. The same filters export a range as CSV.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { toCsvPaged } from "../csv/to-csv";
import { appendAuditEvent } from "./audit-service";
import { diffAuditJson } from "./audit-diff";

export interface AuditFilters {
  action?: string;
  /** Part of the actor's email or name. */
  actor?: string;
  targetType?: string;
  targetId?: string;
  /** Inclusive, epoch ms. */
  from?: number;
  /** Exclusive, epoch ms. */
  to?: number;
}

/** An export holds at most this many events; a wider range is refused with the count. */
export const AUDIT_EXPORT_MAX_ROWS = 50_000;
/** Rows read and written per slice of an export (the event loop gets a turn between slices). */
const EXPORT_PAGE = 2_000;

async function whereOf(prisma: PrismaClient, f: AuditFilters): Promise<Prisma.AuditEventWhereInput> {
  const and: Prisma.AuditEventWhereInput[] = [];
  if (f.action) and.push({ action: { startsWith: f.action } });
  if (f.targetType) and.push({ targetType: f.targetType });
  if (f.targetId) and.push({ targetId: f.targetId });
  if (f.from !== undefined || f.to !== undefined) {
    and.push({
      ts: {
        ...(f.from !== undefined ? { gte: new Date(f.from) } : {}),
        ...(f.to !== undefined ? { lt: new Date(f.to) } : {}),
      },
    });
  }
  if (f.actor) {
    const needle = f.actor.trim().toLowerCase();
    const named = await prisma.user.findMany({
      where: { name: { contains: f.actor.trim(), mode: "insensitive" } },
      select: { id: true },
      take: 200,
    });
    and.push({
      OR: [
        { actorEmail: { contains: needle } },
        ...(named.length ? [{ actorId: { in: named.map((u) => u.id) } }] : []),
      ],
    });
  }
  return and.length ? { AND: and } : {};
}

function viaTokenOf(after: unknown): { id: string; name: string } | null {
  if (typeof after !== "object" || after === null || Array.isArray(after)) return null;
  const v = (after as Record<string, unknown>).viaApiToken;
  if (typeof v !== "object" || v === null) return null;
  const { id, name } = v as Record<string, unknown>;
  return typeof id === "string" && typeof name === "string" ? { id, name } : null;
}

async function actorNames(prisma: PrismaClient, ids: (string | null)[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids.filter((id): id is string => !!id))];
  if (unique.length === 0) return new Map();
  const users = await prisma.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export async function listAuditEvents(
  prisma: PrismaClient,
  input: AuditFilters & { beforeId?: number; limit: number },
) {
  const where = await whereOf(prisma, input);
  const rows = await prisma.auditEvent.findMany({
    where: input.beforeId ? { AND: [where, { id: { lt: input.beforeId } }] } : where,
    orderBy: { id: "desc" },
    take: input.limit + 1,
  });
  const page = rows.slice(0, input.limit);
  const names = await actorNames(
    prisma,
    page.map((e) => e.actorId),
  );
  const items = page.map((e) => ({
    id: e.id,
    ts: e.ts,
    actorId: e.actorId,
    actorEmail: e.actorEmail,
    actorName: e.actorId ? (names.get(e.actorId) ?? null) : null,
    viaToken: viaTokenOf(e.after),
    action: e.action,
    targetType: e.targetType,
    targetId: e.targetId,
    changes: diffAuditJson(e.before, e.after),
    hash: e.hash,
  }));
  return { items, nextBeforeId: rows.length > input.limit ? (page[page.length - 1]?.id ?? null) : null };
}

/** The filtered range as CSV (BOM, formula escaping), oldest first; the export itself is audited. */
export async function exportAuditCsv(
  prisma: PrismaClient,
  filters: AuditFilters,
  actor: { id: string; email: string },
): Promise<{ csv: string; rows: number }> {
  const where = await whereOf(prisma, filters);
  const count = await prisma.auditEvent.count({ where });
  if (count > AUDIT_EXPORT_MAX_ROWS) {
    throw new AppError(
      "BAD_REQUEST",
      `The range holds ${count} events; an export holds at most ${AUDIT_EXPORT_MAX_ROWS}. Narrow the time range or the filters.`,
    );
  }
  const { csv, rows } = await toCsvPaged(
    [
      "id",
      "time_utc",
      "actor_email",
      "actor_name",
      "via_api_token",
      "action",
      "target_type",
      "target_id",
      "before",
      "after",
      "hash",
    ],
    async (last: { id: number } | undefined) => {
      const events = await prisma.auditEvent.findMany({
        where: last ? { AND: [where, { id: { gt: last.id } }] } : where,
        orderBy: { id: "asc" },
        take: EXPORT_PAGE,
      });
      const names = await actorNames(
        prisma,
        events.map((e) => e.actorId),
      );
      return events.map((e) => ({ ...e, actorName: e.actorId ? (names.get(e.actorId) ?? "") : "" }));
    },
    (e) => [
      e.id,
      e.ts.toISOString(),
      e.actorEmail ?? "",
      e.actorName,
      viaTokenOf(e.after)?.name ?? "",
      e.action,
      e.targetType ?? "",
      e.targetId ?? "",
      e.before === null ? "" : JSON.stringify(e.before),
      e.after === null ? "" : JSON.stringify(e.after),
      e.hash,
    ],
  );
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "audit.exported",
    targetType: "AuditTrail",
    after: { filters: { ...filters }, rows },
  });
  return { csv, rows };
}
