// Writing and reading notifications. deliver() resolves each draft's audience to active users and
// writes one row per person, skipping rows whose (user, dedupe key) already exists, so a repeated
// event or a re-scan never notifies twice. Reads are always the signed-in user's own rows.
import type { PrismaClient } from "../db/generated/client";
import type { Role } from "../auth/roles";
import type { NotificationDraft } from "./notification-kinds";

export function recipientsOf(
  draft: NotificationDraft,
  activeUsers: ReadonlyArray<{ id: string; role: Role }>,
): string[] {
  const a = draft.audience;
  const active = new Set(activeUsers.map((u) => u.id));
  const ids = new Set<string>((a.userIds ?? []).filter((id) => active.has(id)));
  for (const u of activeUsers) if (a.roles?.includes(u.role)) ids.add(u.id);
  for (const id of a.exceptUserIds ?? []) ids.delete(id);
  return [...ids].sort();
}

/** Writes the drafts; returns how many new notifications were written. */
export async function deliver(prisma: PrismaClient, drafts: readonly NotificationDraft[]): Promise<number> {
  if (drafts.length === 0) return 0;
  const users = await prisma.user.findMany({ where: { disabled: false }, select: { id: true, role: true } });
  const rows = [];
  for (const d of drafts) {
    const { audience: _audience, ...fields } = d;
    for (const userId of recipientsOf(d, users)) rows.push({ ...fields, userId });
  }
  if (rows.length === 0) return 0;
  const r = await prisma.notification.createMany({ data: rows, skipDuplicates: true });
  return r.count;
}

export interface NotificationDto {
  id: string;
  kind: string;
  severity: string;
  title: string;
  titleZh: string;
  body: string;
  bodyZh: string;
  href: string;
  objectType: string | null;
  objectId: string | null;
  createdAt: number;
  readAt: number | null;
}

export async function listNotifications(
  prisma: PrismaClient,
  userId: string,
  opts: { unreadOnly: boolean; limit: number },
): Promise<NotificationDto[]> {
  const rows = await prisma.notification.findMany({
    where: { userId, ...(opts.unreadOnly ? { readAt: null } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit,
  });
  return rows.map(({ userId: _u, dedupeKey: _k, createdAt, readAt, ...r }) => ({
    ...r,
    createdAt: createdAt.getTime(),
    readAt: readAt ? readAt.getTime() : null,
  }));
}

export function unreadCount(prisma: PrismaClient, userId: string): Promise<number> {
  return prisma.notification.count({ where: { userId, readAt: null } });
}

export async function markRead(
  prisma: PrismaClient,
  userId: string,
  ids: readonly string[],
  at: Date,
): Promise<number> {
  const r = await prisma.notification.updateMany({
    where: { userId, id: { in: [...ids] }, readAt: null },
    data: { readAt: at },
  });
  return r.count;
}

export async function markAllRead(prisma: PrismaClient, userId: string, at: Date): Promise<number> {
  const r = await prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
  return r.count;
}
