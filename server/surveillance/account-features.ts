// S4 per-account features for the isolation forest, from counters the minute plugin carries
// forward: order rate, cancel ratio, turnover over equity, deposit and withdrawal frequency, and
// how much of the account's buying falls in minutes the price was pushed up. Ratios are
// log-scaled so a few huge accounts do not squeeze everyone else into one split.

export interface AccountCounters {
  orders: number; // NEW + CANCEL
  cancels: number;
  news: number;
  turnover: number; // CNY traded
  equity: number; // CNY
  deposits: number;
  withdrawals: number;
  pushBuys: number; // qty bought in pushed-up minutes
  buys: number; // qty bought
  minutes: number; // minutes observed
}

export const FEATURE_NAMES = [
  "orderRate",
  "cancelRatio",
  "turnoverOverEquity",
  "paymentFrequency",
  "pushShare",
] as const;

export function accountFeatures(c: AccountCounters): number[] {
  const minutes = Math.max(1, c.minutes);
  return [
    Math.log1p(c.orders / minutes),
    c.news > 0 ? c.cancels / c.news : 0,
    Math.log1p(c.turnover / Math.max(1, c.equity)),
    Math.log1p(((c.deposits + c.withdrawals) * 240) / minutes),
    c.buys > 0 ? c.pushBuys / c.buys : 0,
  ];
}
