// The maintained source of the calendars: the chinese-days package (the State Council's annual
// holiday notices, 2004 onwards). Its holidays close both calendars; its make-up workdays
// (weekend days worked in lieu) open the bank calendar only.
import data from "chinese-days/dist/chinese-days.json";
import type { CalendarEntry, CalendarName } from "./day-calendar";

const PACKAGE_SOURCE = "chinese-days";
export { PACKAGE_SOURCE };

/** "National Day,国庆节,3" -> "National Day / 国庆节" */
function displayName(raw: string): string {
  const [en = raw, zh] = raw.split(",");
  return zh ? `${en} / ${zh}` : en;
}

/** The years the package covers (its notices are published each November for the next year). */
export function packageYears(): number[] {
  const years = new Set<number>();
  for (const d of Object.keys(data.holidays)) years.add(Number(d.slice(0, 4)));
  return [...years].sort((a, b) => a - b);
}

export function packageEntries(calendar: CalendarName, year: number): CalendarEntry[] {
  const prefix = `${year}-`;
  const out: CalendarEntry[] = [];
  for (const [date, name] of Object.entries(data.holidays as Record<string, string>)) {
    if (date.startsWith(prefix)) out.push({ date, kind: "HOLIDAY", name: displayName(name) });
  }
  if (calendar === "BANK") {
    for (const [date, name] of Object.entries(data.workdays as Record<string, string>)) {
      if (date.startsWith(prefix)) out.push({ date, kind: "WORKDAY", name: displayName(name) });
    }
  }
  return out.sort((a, b) => a.date.localeCompare(b.date));
}
