// Report periods on the Asia/Shanghai calendar (UTC+8 all year, no daylight saving): ISO weeks
// (Monday 00:00 to the next Monday) and calendar months. Bounds are UTC instants, end exclusive.
const OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

export interface Period {
  key: string; // 2026-W49 | 2026-12
  start: Date;
  end: Date;
}

/** The ISO week (Asia/Shanghai) containing ts. */
export function weekOf(ts: number): Period {
  const local = ts + OFFSET_MS;
  const dayStart = Math.floor(local / DAY_MS) * DAY_MS;
  const dow = (new Date(dayStart).getUTCDay() + 6) % 7; // Monday = 0
  const monday = dayStart - dow * DAY_MS;
  // ISO week-numbering year: the year of the week's Thursday.
  const thursday = new Date(monday + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const jan1 = Date.UTC(year, 0, 1);
  const week = Math.floor((thursday.getTime() - jan1) / DAY_MS / 7) + 1;
  return {
    key: `${year}-W${String(week).padStart(2, "0")}`,
    start: new Date(monday - OFFSET_MS),
    end: new Date(monday + 7 * DAY_MS - OFFSET_MS),
  };
}

/** The calendar month (Asia/Shanghai) containing ts. */
export function monthOf(ts: number): Period {
  const d = new Date(ts + OFFSET_MS);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return {
    key: `${y}-${String(m + 1).padStart(2, "0")}`,
    start: new Date(Date.UTC(y, m, 1) - OFFSET_MS),
    end: new Date(Date.UTC(y, m + 1, 1) - OFFSET_MS),
  };
}

/** The last week that ended at or before ts. */
export function lastCompleteWeek(ts: number): Period {
  return weekOf(weekOf(ts).start.getTime() - 1);
}
export function lastCompleteMonth(ts: number): Period {
  return monthOf(monthOf(ts).start.getTime() - 1);
}

/** Parses a period key back (2026-W49 or 2026-12); null when it is not one. */
export function periodOfKey(key: string): Period | null {
  const w = /^(\d{4})-W(\d{2})$/.exec(key);
  if (w) {
    const year = Number(w[1]);
    const week = Number(w[2]);
    // Week 1 holds January 4th.
    const jan4 = Date.UTC(year, 0, 4) - OFFSET_MS;
    const p = weekOf(weekOf(jan4).start.getTime() + (week - 1) * 7 * DAY_MS);
    return p.key === key ? p : null;
  }
  const m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) {
    const month = Number(m[2]);
    if (month < 1 || month > 12) return null;
    return monthOf(Date.UTC(Number(m[1]), month - 1, 15));
  }
  return null;
}
