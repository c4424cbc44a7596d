// P1 payment channels: per-channel single-payment limits, daily cut-off (Asia/Shanghai) and
// settlement convention. A request after the cut-off takes the next business day as value date;
// settlement is the value date (T+0) or the business day after (T+1), on the bank calendar.
import type { DayCalendar } from "../calendar/day-calendar";
export const CHANNELS = ["BANK_TRANSFER", "THIRD_PARTY", "SWIFT", "ACH", "QUICK_PAY", "CUSTODY"] as const;
export type Channel = (typeof CHANNELS)[number];

export interface ChannelRule {
  maxSingle: number; // CNY
  cutoff: string; // HH:mm Asia/Shanghai
  settlementDays: 0 | 1;
  crossBorder: boolean;
  /** Demo rails: real seconds from SENT to the rail's answer (T+1 channels answer later). */
  railDelayMs: number;
}

export const CHANNEL_RULES: Record<Channel, ChannelRule> = {
  BANK_TRANSFER: { maxSingle: 5_000_000, cutoff: "16:30", settlementDays: 0, crossBorder: false, railDelayMs: 4_000 },
  THIRD_PARTY: { maxSingle: 50_000, cutoff: "23:00", settlementDays: 0, crossBorder: false, railDelayMs: 2_000 },
  SWIFT: { maxSingle: 5_000_000, cutoff: "15:00", settlementDays: 1, crossBorder: true, railDelayMs: 12_000 },
  ACH: { maxSingle: 1_000_000, cutoff: "17:00", settlementDays: 1, crossBorder: false, railDelayMs: 10_000 },
  QUICK_PAY: { maxSingle: 50_000, cutoff: "23:59", settlementDays: 0, crossBorder: false, railDelayMs: 2_000 },
  CUSTODY: { maxSingle: 50_000_000, cutoff: "15:30", settlementDays: 0, crossBorder: false, railDelayMs: 4_000 },
};

export function isChannel(v: string): v is Channel {
  return (CHANNELS as readonly string[]).includes(v);
}

const SHANGHAI_OFFSET_MS = 8 * 3600_000; // China has no daylight saving time

/** YYYY-MM-DD of a timestamp in Asia/Shanghai. */
export function shanghaiDate(ms: number): string {
  return new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * P1: value date and settlement date on the bank calendar. A request on a bank day before the
 * cut-off has value date today; after the cut-off, or on a day banks are closed (weekend, public
 * holiday), the next bank day. Settlement is the value date (T+0) or n bank days later (T+n).
 * E.g. SWIFT (15:00, T+1) on 2026-09-30 16:00: National Day closes 10-01..10-07, so value date
 * 2026-10-08 and settlement 2026-10-09.
 */
export function settlementDates(
  channel: Channel,
  nowMs: number,
  bank: DayCalendar,
): { valueDate: string; settlementDate: string; afterCutoff: boolean } {
  const rule = CHANNEL_RULES[channel];
  const hhmm = new Date(nowMs + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
  const today = shanghaiDate(nowMs);
  const afterCutoff = hhmm > rule.cutoff;
  const valueDate = afterCutoff || !bank.isOpen(today) ? bank.next(today) : today;
  const settlementDate = bank.addOpenDays(valueDate, rule.settlementDays);
  return { valueDate, settlementDate, afterCutoff };
}

/** P1: the single-payment limit of the channel. */
export function checkChannelLimit(channel: Channel, amount: number): string | null {
  const rule = CHANNEL_RULES[channel];
  return amount > rule.maxSingle ? `${channel} takes at most ${rule.maxSingle} CNY per payment` : null;
}
