// The bank and exchange calendars: worked on the 2026 notice, and invariants on random calendars.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCalendarDays, DayCalendar, isIsoDate, isWeekend, type CalendarEntry } from "./day-calendar";
import { packageEntries, packageYears } from "./package-calendar";

const bank = new DayCalendar("BANK", packageEntries("BANK", 2026));
const exchange = new DayCalendar("EXCHANGE", packageEntries("EXCHANGE", 2026));

describe("calendars", () => {
  it("National Day 2026: closed 10-01..10-07 in both; the make-up Saturday 10-10 opens banks, never the exchange", () => {
    for (let d = "2026-10-01"; d <= "2026-10-07"; d = addCalendarDays(d, 1)) {
      expect([d, bank.isOpen(d), exchange.isOpen(d)]).toEqual([d, false, false]);
    }
    expect(bank.isOpen("2026-10-10")).toBe(true);
    expect(exchange.isOpen("2026-10-10")).toBe(false);
    expect(bank.isOpen("2026-09-20")).toBe(true); // Sunday, worked in lieu
    expect(exchange.isOpen("2026-09-20")).toBe(false);
    expect(bank.next("2026-09-30")).toBe("2026-10-08");
    expect(exchange.next("2026-10-09")).toBe("2026-10-12");
    expect(bank.next("2026-10-09")).toBe("2026-10-10");
  });

  it("the package covers the years up to the current notice and the exchange calendar has no workdays", () => {
    expect(packageYears()).toContain(2026);
    expect(packageEntries("EXCHANGE", 2026).every((e) => e.kind === "HOLIDAY")).toBe(true);
    expect(packageEntries("BANK", 2026).find((e) => e.date === "2026-10-01")?.name).toBe("National Day / 国庆节");
  });

  it("dates are validated strictly", () => {
    expect(isIsoDate("2026-02-29")).toBe(false);
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2026-1-01")).toBe(false);
  });

  it("on any calendar: next() is open, every day before it is closed, and an exchange day is a bank day", () => {
    const day = fc.integer({ min: 0, max: 120 }).map((n) => addCalendarDays("2026-01-01", n));
    const entry = fc.record({
      date: day,
      kind: fc.constantFrom("HOLIDAY" as const, "WORKDAY" as const),
      name: fc.constant("x"),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 40 }), day, (entries: CalendarEntry[], from) => {
        const b = new DayCalendar("BANK", entries);
        const x = new DayCalendar("EXCHANGE", entries);
        for (const cal of [b, x]) {
          const n = cal.next(from);
          expect(cal.isOpen(n)).toBe(true);
          for (let d = addCalendarDays(from, 1); d < n; d = addCalendarDays(d, 1)) expect(cal.isOpen(d)).toBe(false);
        }
        for (let d = from, i = 0; i < 14; i++, d = addCalendarDays(d, 1)) {
          if (x.isOpen(d)) expect(b.isOpen(d)).toBe(true);
          if (x.isOpen(d)) expect(isWeekend(d)).toBe(false);
        }
      }),
      { numRuns: 300 },
    );
  });
});
