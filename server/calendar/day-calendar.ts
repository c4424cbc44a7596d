// P1 calendars, the pure layer. A bank day is a weekday that is not a listed holiday, or a weekend
// day listed as a make-up WORKDAY (调休: banks work that Saturday or Sunday). An exchange day is a
// weekday that is not a listed holiday: the exchanges never open on make-up weekend days, so the
// exchange calendar ignores WORKDAY entries. Dates are Asia/Shanghai calendar days, YYYY-MM-DD.
export const CALENDARS = ["BANK", "EXCHANGE"] as const;
export type CalendarName = (typeof CALENDARS)[number];
export const DAY_KINDS = ["HOLIDAY", "WORKDAY"] as const;
export type DayKind = (typeof DAY_KINDS)[number];

export interface CalendarEntry {
  date: string;
  kind: DayKind;
  name: string;
}

const DAY_MS = 86_400_000;

export function isIsoDate(v: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
}

export function addCalendarDays(date: string, n: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

export function isWeekend(date: string): boolean {
  const dow = new Date(`${date}T00:00:00Z`).getUTCDay();
  return dow === 0 || dow === 6;
}

export class DayCalendar {
  private readonly entries = new Map<string, CalendarEntry>();

  constructor(
    readonly calendar: CalendarName,
    entries: Iterable<CalendarEntry>,
  ) {
    for (const e of entries) this.entries.set(e.date, e);
  }

  entry(date: string): CalendarEntry | undefined {
    return this.entries.get(date);
  }

  isOpen(date: string): boolean {
    const e = this.entries.get(date);
    if (e?.kind === "HOLIDAY") return false;
    if (isWeekend(date)) return this.calendar === "BANK" && e?.kind === "WORKDAY";
    return true;
  }

  /** The first open day strictly after date. */
  next(date: string): string {
    let d = addCalendarDays(date, 1);
    // a year has at most a few weeks closed in a row; 60 days means a corrupt calendar
    for (let i = 0; i < 60 && !this.isOpen(d); i++) d = addCalendarDays(d, 1);
    if (!this.isOpen(d)) throw new Error(`${this.calendar} calendar: no open day within 60 days after ${date}`);
    return d;
  }

  /** date moved forward by n open days (n = 0: date itself). */
  addOpenDays(date: string, n: number): string {
    let d = date;
    for (let i = 0; i < n; i++) d = this.next(d);
    return d;
  }
}
