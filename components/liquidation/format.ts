// Small formatting helpers shared by the liquidation screens: durations on the engine clock, basis
// points, margin levels and translated names for values that arrive as strings from the server.
import { DISPLAY_TIME_ZONE, type Formatters, type MessageKey, type Translate } from "../i18n/config";

export const OPEN_STATES = ["OPEN", "HELD", "EXECUTING", "PARTIALLY_FILLED"] as const;
export const CLOSED_STATES = ["EXECUTED", "CANCELLED"] as const;
export const URGENCIES = ["HARD_FLOOR", "CALL_EXPIRED", "LIQUIDATION"] as const;
export type Urgency = (typeof URGENCIES)[number];

export function isUrgency(v: unknown): v is Urgency {
  return typeof v === "string" && (URGENCIES as readonly string[]).includes(v);
}

/**
 * The queue's filters: an urgency, and an account-code search (case-insensitive, surrounding spaces
 * ignored; an empty search keeps everything). Order is kept.
 */
export function filterQueue<T extends { urgency: string; accountCode: string }>(
  tickets: readonly T[],
  urgency: Urgency | null,
  search: string,
): T[] {
  const needle = search.trim().toUpperCase();
  return tickets.filter(
    (tk) => (!urgency || tk.urgency === urgency) && (!needle || tk.accountCode.toUpperCase().includes(needle)),
  );
}

/** "38 s" or "2 min 05 s" for a number of (engine) milliseconds, rounded up to the second. */
export function formatDuration(t: Translate, ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  if (total < 60) return t("liquidation.countdown.seconds", { n: total });
  return t("liquidation.countdown.minutes", { m: Math.floor(total / 60), s: String(total % 60).padStart(2, "0") });
}

export function formatBp(t: Translate, fmt: Formatters, v: number | null | undefined, digits = 1): string {
  return v === null || v === undefined ? "—" : t("liquidation.units.bp", { v: fmt.number(v, digits) });
}

export function formatMl(fmt: Formatters, v: number | null | undefined): string {
  return v === null || v === undefined ? "—" : fmt.number(v, 3);
}

export function formatShares(t: Translate, fmt: Formatters, n: number): string {
  return t("liquidation.units.shares", { n: fmt.integer(n) });
}

const EVENT_KINDS = [
  "OPEN",
  "HOLD",
  "EXTEND",
  "RELEASE",
  "REPLAN",
  "REDUCE",
  "EXECUTE",
  "FILL_PARTIAL",
  "COMPLETE",
  "CANCEL",
  "DISPUTE",
  "DISPUTE_REVIEWED",
] as const;

/** Translated event kind; an unknown kind (newer server) is shown as sent. */
export function eventLabel(t: Translate, kind: string): string {
  return (EVENT_KINDS as readonly string[]).includes(kind)
    ? t(`liquidation.event.${kind as (typeof EVENT_KINDS)[number]}`)
    : kind;
}

const CANNOT_CLOSE = ["SUSPENDED", "LIMIT_DOWN", "T_PLUS_ONE", "NO_BID"] as const;

export function cannotCloseLabel(t: Translate, reason: string): string {
  return (CANNOT_CLOSE as readonly string[]).includes(reason)
    ? t(`liquidation.cannotClose.${reason as (typeof CANNOT_CLOSE)[number]}`)
    : reason;
}

const STATUS = ["OPEN", "HELD", "EXECUTING", "PARTIALLY_FILLED", "EXECUTED", "CANCELLED"] as const;

export function statusKey(status: string): MessageKey {
  return (STATUS as readonly string[]).includes(status)
    ? `liquidation.status.${status as (typeof STATUS)[number]}`
    : "liquidation.status.OPEN";
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** "14:05:03" in the display time zone (seconds matter for deadlines and holds). */
export function formatClock(locale: string, v: Date | number): string {
  let f = clocks.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      timeZone: DISPLAY_TIME_ZONE,
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      hourCycle: "h23",
    });
    clocks.set(locale, f);
  }
  return f.format(v);
}
