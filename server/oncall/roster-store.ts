// The duty roster in the database: ADMIN adds and removes shifts and writes handover notes; the
// desk reads who is on duty now. A shift's person must hold the shift's role and be enabled.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import { AppError } from "../errors";
import type { PagedRole } from "./policy";
import { PAGED_ROLES } from "./policy";
import { onDutyAt, type Shift } from "./roster";

type Actor = Pick<SessionUser, "id" | "email">;
const MAX_SHIFT_MS = 7 * 86_400_000;

function toShift(r: {
  id: string;
  role: string;
  userId: string;
  position: number;
  startsAt: Date;
  endsAt: Date;
  handoverNote: string | null;
}): Shift {
  return { ...r, role: r.role as PagedRole, startsAt: r.startsAt.getTime(), endsAt: r.endsAt.getTime() };
}

/** Shifts overlapping [from, to). */
export async function loadShifts(prisma: PrismaClient, from: number, to: number): Promise<Shift[]> {
  const rows = await prisma.oncallShift.findMany({
    where: { startsAt: { lt: new Date(to) }, endsAt: { gt: new Date(from) } },
    orderBy: [{ startsAt: "asc" }, { role: "asc" }, { position: "asc" }],
    take: 2000,
  });
  return rows.map(toShift);
}

/** Who is on duty at `now` for each role, first position first, with names and handover notes. */
export async function onDutyNow(prisma: PrismaClient, now: number) {
  const shifts = await loadShifts(prisma, now, now + 1);
  const users = await prisma.user.findMany({
    where: { id: { in: shifts.map((s) => s.userId) } },
    select: { id: true, name: true, email: true, disabled: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return PAGED_ROLES.map((role) => ({
    role,
    people: onDutyAt(shifts, role, now)
      .filter((s) => byId.get(s.userId) && !byId.get(s.userId)?.disabled)
      .map((s) => ({
        shiftId: s.id,
        userId: s.userId,
        name: byId.get(s.userId)?.name ?? "",
        email: byId.get(s.userId)?.email ?? "",
        position: s.position,
        endsAt: s.endsAt,
        handoverNote: s.handoverNote,
      })),
  }));
}

export async function listRoster(prisma: PrismaClient, from: number, to: number) {
  const shifts = await loadShifts(prisma, from, to);
  const users = await prisma.user.findMany({
    where: { id: { in: [...new Set(shifts.map((s) => s.userId))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return shifts.map((s) => ({ ...s, name: byId.get(s.userId)?.name ?? "", email: byId.get(s.userId)?.email ?? "" }));
}

export async function addShift(
  prisma: PrismaClient,
  actor: Actor,
  input: { role: PagedRole; userId: string; position: number; startsAt: number; endsAt: number; handoverNote?: string },
) {
  if (input.endsAt <= input.startsAt) throw new AppError("BAD_REQUEST", "The shift must end after it starts.");
  if (input.endsAt - input.startsAt > MAX_SHIFT_MS) throw new AppError("BAD_REQUEST", "A shift lasts at most 7 days.");
  const user = await prisma.user.findUnique({ where: { id: input.userId }, select: { role: true, disabled: true } });
  if (!user || user.disabled) throw new AppError("BAD_REQUEST", "That user does not exist or is disabled.");
  if (user.role !== input.role) {
    throw new AppError(
      "BAD_REQUEST",
      `That user is ${user.role}, not ${input.role}: put them on their own role's roster.`,
    );
  }
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('oncall.roster'))`;
    const clash = await tx.oncallShift.findFirst({
      where: {
        role: input.role,
        position: input.position,
        startsAt: { lt: new Date(input.endsAt) },
        endsAt: { gt: new Date(input.startsAt) },
      },
      select: { id: true },
    });
    if (clash) throw new AppError("CONFLICT", "Someone already holds that position for part of this time.");
    const row = await tx.oncallShift.create({
      data: {
        role: input.role,
        userId: input.userId,
        position: input.position,
        startsAt: new Date(input.startsAt),
        endsAt: new Date(input.endsAt),
        handoverNote: input.handoverNote?.trim() || null,
        createdById: actor.id,
      },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.shift.added",
      targetType: "OncallShift",
      targetId: row.id,
      after: { ...input },
    });
    return toShift(row);
  });
}

export async function removeShift(prisma: PrismaClient, actor: Actor, id: string) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.oncallShift.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", "That shift does not exist.");
    await tx.oncallShift.delete({ where: { id } });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.shift.removed",
      targetType: "OncallShift",
      targetId: id,
      before: toShift(row),
    });
    return { id };
  });
}

export async function setHandoverNote(prisma: PrismaClient, actor: Actor, id: string, note: string) {
  return prisma.$transaction(async (tx) => {
    const row = await tx.oncallShift.findUnique({ where: { id } });
    if (!row) throw new AppError("NOT_FOUND", "That shift does not exist.");
    await tx.oncallShift.update({ where: { id }, data: { handoverNote: note.trim() || null } });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "oncall.shift.handover",
      targetType: "OncallShift",
      targetId: id,
      before: { handoverNote: row.handoverNote },
      after: { handoverNote: note.trim() || null },
    });
    return { id };
  });
}
