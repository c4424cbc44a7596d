// Quiet hours: non-critical pages in the window stay in the console (no webhook, no email); a
// critical page always goes out. The window is in Asia/Shanghai time and may cross midnight.
import type { Severity } from "../notify/desk-event";
import { shanghaiMinuteOfDay } from "./roster";

export interface QuietHours {
  start: string; // HH:MM
  end: string; // HH:MM
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Start inclusive, end exclusive; start == end means no quiet window. */
export function isQuietAt(quiet: QuietHours | null, ts: number): boolean {
  if (!quiet) return false;
  const m = shanghaiMinuteOfDay(ts);
  const s = minutes(quiet.start);
  const e = minutes(quiet.end);
  if (s === e) return false;
  return s < e ? m >= s && m < e : m >= s || m < e;
}

/** Whether a page goes out through the person's external channels (webhook, email). */
export function pushesExternally(severity: Severity, quiet: QuietHours | null, ts: number): boolean {
  return severity === "CRITICAL" || !isQuietAt(quiet, ts);
}
