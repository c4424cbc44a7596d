// P1 calendars in the database: seeding from the package (once per calendar and year, so an
// administrator's removal is never re-added), the services other domains use (value dates,
// liquidation sessions: isExchangeDay, nextBankDay), and ADMIN's audited amendments.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import type { Tx } from "../ledger/ledger-service";
import {
  addCalendarDays,
  CALENDARS,
  DayCalendar,
  isIsoDate,
  isWeekend,
  type CalendarName,
  type DayKind,
} from "./day-calendar";
import { PACKAGE_SOURCE, packageEntries, packageYears } from "./package-calendar";

type Db = PrismaClient | Tx;

/** Seeds every year the package covers that is not seeded yet (one transaction); returns the years seeded. */
export async function seedCalendars(prisma: PrismaClient): Promise<Array<{ calendar: CalendarName; year: number }>> {
  const done = await prisma.calendarYear.findMany({ select: { calendar: true, year: true } });
  const have = new Set(done.map((d) => `${d.calendar}:${d.year}`));
  const missing = CALENDARS.flatMap((calendar) =>
    packageYears()
      .filter((year) => !have.has(`${calendar}:${year}`))
      .map((year) => ({ calendar, year })),
  );
  if (missing.length === 0) return [];
  const rows = missing.flatMap(({ calendar, year }) =>
    packageEntries(calendar, year).map((e) => ({ calendar, ...e, source: PACKAGE_SOURCE })),
  );
  try {
    await prisma.$transaction([
      prisma.calendarDay.createMany({ data: rows, skipDuplicates: true }),
      prisma.calendarYear.createMany({ data: missing.map((m) => ({ ...m, source: PACKAGE_SOURCE })) }),
    ]);
  } catch (err) {
    // another instance seeded the same years at the same moment: its rows stand
    if ((err as { code?: string }).code !== "P2002") throw err;
    return [];
  }
  return missing;
}

/** The calendar around a date: entries from 10 days before to 70 days after (next() looks <= 60 ahead). */
export async function loadCalendar(db: Db, calendar: CalendarName, date: string): Promise<DayCalendar> {
  const rows = await db.calendarDay.findMany({
    where: { calendar, date: { gte: addCalendarDays(date, -10), lte: addCalendarDays(date, 70) } },
    select: { date: true, kind: true, name: true },
  });
  return new DayCalendar(
    calendar,
    rows.map((r) => ({ date: r.date, kind: r.kind as DayKind, name: r.name })),
  );
}

function requireDate(date: string): string {
  if (!isIsoDate(date)) throw new AppError("BAD_REQUEST", `Not a calendar date: ${date} (use YYYY-MM-DD).`);
  return date;
}

/** For the liquidation sessions: is the exchange open on this Asia/Shanghai date? */
export async function isExchangeDay(db: Db, date: string): Promise<boolean> {
  return (await loadCalendar(db, "EXCHANGE", requireDate(date))).isOpen(date);
}

export async function isBankDay(db: Db, date: string): Promise<boolean> {
  return (await loadCalendar(db, "BANK", requireDate(date))).isOpen(date);
}

/** The first bank day strictly after date. */
export async function nextBankDay(db: Db, date: string): Promise<string> {
  return (await loadCalendar(db, "BANK", requireDate(date))).next(date);
}

export async function nextExchangeDay(db: Db, date: string): Promise<string> {
  return (await loadCalendar(db, "EXCHANGE", requireDate(date))).next(date);
}

export async function listCalendarYear(prisma: PrismaClient, calendar: CalendarName, year: number) {
  const [days, seeded] = await Promise.all([
    prisma.calendarDay.findMany({
      where: { calendar, date: { gte: `${year}-01-01`, lte: `${year}-12-31` } },
      orderBy: { date: "asc" },
    }),
    prisma.calendarYear.findUnique({ where: { calendar_year: { calendar, year } } }),
  ]);
  return { calendar, year, seededFrom: seeded?.source ?? null, packageYears: packageYears(), days };
}

export interface Actor {
  id: string;
  email: string;
}

/** ADMIN adds or changes one day (audited). WORKDAY is for weekend days of the bank calendar only. */
export async function setCalendarDay(
  prisma: PrismaClient,
  input: { calendar: CalendarName; date: string; kind: DayKind; name: string },
  actor: Actor,
) {
  const date = requireDate(input.date);
  const name = input.name.trim();
  if (name.length < 2) throw new AppError("BAD_REQUEST", "Give the day a name (at least 2 characters).");
  if (input.kind === "WORKDAY" && (input.calendar !== "BANK" || !isWeekend(date))) {
    throw new AppError(
      "BAD_REQUEST",
      "A make-up workday is a weekend day of the bank calendar: exchanges never open on weekends.",
    );
  }
  return prisma.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { calendar_date: { calendar: input.calendar, date } } });
    const data = { kind: input.kind, name, source: "admin", updatedAt: new Date(), updatedById: actor.id };
    const day = await tx.calendarDay.upsert({
      where: { calendar_date: { calendar: input.calendar, date } },
      create: { calendar: input.calendar, date, ...data },
      update: data,
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "calendar.daySet",
      targetType: "CalendarDay",
      targetId: `${input.calendar}:${date}`,
      before: before ? { kind: before.kind, name: before.name, source: before.source } : null,
      after: { kind: input.kind, name },
    });
    return day;
  });
}

/** ADMIN removes a day (it becomes an ordinary weekday or weekend day), audited. */
export async function removeCalendarDay(
  prisma: PrismaClient,
  input: { calendar: CalendarName; date: string; reason: string },
  actor: Actor,
) {
  const date = requireDate(input.date);
  const reason = input.reason.trim();
  if (reason.length < 3) throw new AppError("BAD_REQUEST", "Say why the day is removed (at least 3 characters).");
  return prisma.$transaction(async (tx) => {
    const before = await tx.calendarDay.findUnique({ where: { calendar_date: { calendar: input.calendar, date } } });
    if (!before)
      throw new AppError("NOT_FOUND", `${date} is not listed in the ${input.calendar.toLowerCase()} calendar.`);
    await tx.calendarDay.delete({ where: { calendar_date: { calendar: input.calendar, date } } });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "calendar.dayRemoved",
      targetType: "CalendarDay",
      targetId: `${input.calendar}:${date}`,
      before: { kind: before.kind, name: before.name, source: before.source },
      after: { reason },
    });
    return { calendar: input.calendar, date };
  });
}
