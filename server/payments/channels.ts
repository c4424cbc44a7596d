// P1 payment channels: per-channel single-payment limits, daily cut-off (Asia/Shanghai) and
// settlement convention. A request after the cut-off takes the next business day as value date;
// settlement is the value date (T+0) or the business day after (T+1).
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

function addBusinessDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const weekend = () => d.getUTCDay() === 0 || d.getUTCDay() === 6;
  for (let i = 0; i < n; i++) {
    d.setUTCDate(d.getUTCDate() + 1);
    while (weekend()) d.setUTCDate(d.getUTCDate() + 1);
  }
  return d.toISOString().slice(0, 10);
}

/** P1: value date (cut-off rolls to the next business day) and settlement date (T+0 / T+1). */
export function settlementDates(channel: Channel, nowMs: number): { valueDate: string; settlementDate: string; afterCutoff: boolean } {
  const rule = CHANNEL_RULES[channel];
  const local = new Date(nowMs + SHANGHAI_OFFSET_MS);
  const hhmm = local.toISOString().slice(11, 16);
  const today = shanghaiDate(nowMs);
  const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
  const afterCutoff = hhmm > rule.cutoff;
  const valueDate = afterCutoff || weekend ? addBusinessDays(today, 1) : today;
  const settlementDate = rule.settlementDays === 0 ? valueDate : addBusinessDays(valueDate, rule.settlementDays);
  return { valueDate, settlementDate, afterCutoff };
}

/** P1: the single-payment limit of the channel. */
export function checkChannelLimit(channel: Channel, amount: number): string | null {
  const rule = CHANNEL_RULES[channel];
  return amount > rule.maxSingle ? `${channel} takes at most ${rule.maxSingle} CNY per payment` : null;
}
