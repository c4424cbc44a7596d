// The duty roster: who is on duty for each role at an instant. Shifts are stored as absolute
// instants; the standard shifts are Asia/Shanghai day (08:00-20:00) and night (20:00-08:00 next day).
// China has no daylight saving, so Shanghai time is UTC+8 all year and the arithmetic is exact.
import type { PagedRole } from "./policy";

export const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
export const SHIFT_KINDS = ["DAY", "NIGHT"] as const;
export type ShiftKind = (typeof SHIFT_KINDS)[number];

export interface Shift {
  id: string;
  role: PagedRole;
  userId: string;
  /** 1 is paged first; 2 is the next person on escalation. */
  position: number;
  startsAt: number;
  endsAt: number;
  handoverNote: string | null;
}

/** The calendar day (YYYY-MM-DD) in Asia/Shanghai of an instant. */
export function shanghaiDate(ts: number): string {
  return new Date(ts + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** Minutes since Shanghai midnight of an instant (0..1439). */
export function shanghaiMinuteOfDay(ts: number): number {
  const ms = (((ts + SHANGHAI_OFFSET_MS) % 86_400_000) + 86_400_000) % 86_400_000;
  return Math.floor(ms / 60_000);
}

/** The instants of a standard shift on a Shanghai calendar day. */
export function shiftWindow(day: string, kind: ShiftKind): { startsAt: number; endsAt: number } {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || Number.isNaN(Date.parse(`${day}T00:00:00Z`))) {
    throw new RangeError(`not a calendar day: ${day}`);
  }
  const midnight = Date.parse(`${day}T00:00:00Z`) - SHANGHAI_OFFSET_MS; // 00:00 in Shanghai
  const hour = 3_600_000;
  return kind === "DAY"
    ? { startsAt: midnight + 8 * hour, endsAt: midnight + 20 * hour }
    : { startsAt: midnight + 20 * hour, endsAt: midnight + 32 * hour };
}

/** Shifts of `role` covering `ts` (start inclusive, end exclusive), first position first. */
export function onDutyAt(shifts: readonly Shift[], role: PagedRole, ts: number): Shift[] {
  return shifts
    .filter((s) => s.role === role && s.startsAt <= ts && ts < s.endsAt)
    .sort((a, b) => a.position - b.position || a.startsAt - b.startsAt);
}

/** The shift of the same role and position that ended last before `shift` began (for its handover note). */
export function previousShift(shifts: readonly Shift[], shift: Shift): Shift | null {
  let best: Shift | null = null;
  for (const s of shifts) {
    if (s.role !== shift.role || s.position !== shift.position || s.endsAt > shift.startsAt) continue;
    if (!best || s.endsAt > best.endsAt) best = s;
  }
  return best;
}
