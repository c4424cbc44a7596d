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

export function emptyCounters(): AccountCounters {
  return {
    orders: 0,
    cancels: 0,
    news: 0,
    turnover: 0,
    equity: 0,
    deposits: 0,
    withdrawals: 0,
    pushBuys: 0,
    buys: 0,
    minutes: 0,
  };
}

const PUSH_MOVE = 0.005;

/**
 * Adds one minute's events to the per-account counters. A symbol's minute counts as pushed up when
 * its trade price rose at least 0.5% first to last; buys in it count toward pushShare.
 */
export function accumulateCounters(
  counters: Map<string, AccountCounters>,
  events: readonly { account: string; symbol: string; type: string; side: string; price: number; qty: number }[],
): void {
  const range = new Map<string, { first: number; last: number }>();
  for (const e of events) {
    if (e.type !== "TRADE") continue;
    const r = range.get(e.symbol);
    if (r) r.last = e.price;
    else range.set(e.symbol, { first: e.price, last: e.price });
  }
  for (const e of events) {
    let c = counters.get(e.account);
    if (!c) {
      c = emptyCounters();
      counters.set(e.account, c);
    }
    if (e.type === "NEW") {
      c.orders += 1;
      c.news += 1;
    } else if (e.type === "CANCEL") {
      c.orders += 1;
      c.cancels += 1;
    } else {
      c.turnover += e.price * e.qty;
      if (e.side === "BUY") {
        c.buys += e.qty;
        const r = range.get(e.symbol);
        if (r && r.last >= r.first * (1 + PUSH_MOVE)) c.pushBuys += e.qty;
      }
    }
  }
}
