// Bank and exchange calendars in the database: seeded once per year from chinese-days, value dates
// of withdrawals skip bank holidays, ADMIN amends a calendar (audited) and a removed day is never
// re-added by a later seeding. Worked on the 2026 notice: National Day closes 10-01..10-07,
// Sunday 09-20 and Saturday 10-10 are make-up workdays (banks only).
import Decimal from "decimal.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { nextBankDay, seedCalendars } from "@/server/calendar/calendar-service";
import { packageYears } from "@/server/calendar/package-calendar";
import { openingEntry } from "@/server/ledger/ledger-math";
import { postEntryTx } from "@/server/ledger/ledger-service";
import { requestWithdrawal } from "@/server/payments/withdrawal-request";
import { callerFor, createUser, type TestUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const sh = (iso: string) => Date.parse(`${iso}+08:00`);

describe.each(BACKENDS)("calendars on %s", (kind) => {
  let t: TestDatabase;
  let admin: TestUser, risk: TestUser, auditor: TestUser;
  beforeEach(async () => {
    t = await createTestDatabase(kind);
    admin = await createUser(t.db, "ADMIN");
    risk = await createUser(t.db, "RISK");
    auditor = await createUser(t.db, "AUDITOR");
    await seedCalendars(t.db.prisma);
  });
  afterEach(async () => t.drop());

  it("seeds every package year once; the exchange never opens on a make-up Saturday", async () => {
    expect(await t.db.prisma.calendarYear.count()).toBe(2 * packageYears().length);
    expect(await seedCalendars(t.db.prisma)).toEqual([]);
    const c = callerFor(t.db, auditor).calendar;
    expect(await c.day({ date: "2026-10-10" })).toEqual({
      date: "2026-10-10",
      bankDay: true,
      exchangeDay: false,
      nextBankDay: "2026-10-12",
      nextExchangeDay: "2026-10-12",
    });
    expect(await c.day({ date: "2026-09-30" })).toMatchObject({
      bankDay: true,
      exchangeDay: true,
      nextBankDay: "2026-10-08",
      nextExchangeDay: "2026-10-08",
    });
    const year = await c.year({ calendar: "EXCHANGE", year: 2026 });
    expect(year.seededFrom).toBe("chinese-days");
    expect(year.days.some((d) => d.kind === "WORKDAY")).toBe(false);
    await expect(c.day({ date: "2026-02-30" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });

  it("a SWIFT request on 2026-09-30 16:00 gets value date 2026-10-08 (not National Day) and settles 10-09", async () => {
    const a = await t.db.prisma.account.create({
      data: { code: "CAL1", clientName: "日历客户", kycLevel: 3, cash: "0", debt: "0" },
    });
    await t.db.prisma.$transaction((tx) => postEntryTx(tx, openingEntry(a.id, new Decimal("500000"), new Decimal(0))));
    const w = await requestWithdrawal(
      t.db.prisma,
      {
        accountId: a.id,
        amount: 1000,
        channel: "SWIFT",
        beneficiaryName: "日历客户",
        beneficiaryAcct: "6222000011112222",
        idempotencyKey: "cal-swift-1",
        source: "CLIENT",
      },
      null,
      { nowMs: sh("2026-09-30T16:00:00") },
    );
    expect(w.riskCheck).toMatchObject({ valueDate: "2026-10-08", settlementDate: "2026-10-09", afterCutoff: true });
  });

  it("ADMIN adds and removes a holiday (audited); a removed package day stays removed after seeding; others may not", async () => {
    const c = callerFor(t.db, admin).calendar;
    await c.setDay({ calendar: "BANK", date: "2026-10-08", kind: "HOLIDAY", name: "Typhoon closure" });
    expect(await nextBankDay(t.db.prisma, "2026-09-30")).toBe("2026-10-09");
    await c.removeDay({ calendar: "BANK", date: "2026-10-08", reason: "Typhoon passed, banks open" });
    expect(await nextBankDay(t.db.prisma, "2026-09-30")).toBe("2026-10-08");
    await c.removeDay({ calendar: "EXCHANGE", date: "2026-10-07", reason: "Exchange notice: open on the 7th" });
    await seedCalendars(t.db.prisma);
    expect((await callerFor(t.db, auditor).calendar.day({ date: "2026-10-07" })).exchangeDay).toBe(true);
    const actions = (
      await t.db.prisma.auditEvent.findMany({ where: { targetType: "CalendarDay" }, orderBy: { id: "asc" } })
    ).map((e) => [e.action, e.targetId]);
    expect(actions).toEqual([
      ["calendar.daySet", "BANK:2026-10-08"],
      ["calendar.dayRemoved", "BANK:2026-10-08"],
      ["calendar.dayRemoved", "EXCHANGE:2026-10-07"],
    ]);
    await expect(
      c.setDay({ calendar: "EXCHANGE", date: "2026-10-10", kind: "WORKDAY", name: "make-up" }),
    ).rejects.toMatchObject({ code: "BAD_REQUEST" });
    await expect(c.removeDay({ calendar: "BANK", date: "2026-10-09", reason: "not listed" })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    await expect(
      callerFor(t.db, risk).calendar.setDay({ calendar: "BANK", date: "2026-10-09", kind: "HOLIDAY", name: "x y" }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
