// S4 per-account features for the isolation forest, from counters the minute plugin carries
// forward: order rate, cancel ratio, turnover over equity, deposit and withdrawal frequency, how
// much of the account's buying falls in minutes the price was pushed up, and how clustered its
// trades are in time. Ratios are log-scaled so a few huge accounts do not squeeze everyone else
// into one split.

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
  gaps: GapStats; // between the account's trades
}

/**
 * Running mean and variance of the gaps between successive trades (Welford), so the clustering of
 * trades in time is carried forward minute by minute without keeping the trades.
 */
export interface GapStats {
  lastTs: number | null;
  n: number;
  mean: number;
  m2: number;
}

export function emptyGaps(): GapStats {
  return { lastTs: null, n: 0, mean: 0, m2: 0 };
}

/** Adds a trade at `ts` (epoch ms, not before the previous one) to the gap statistics. */
export function addTrade(g: GapStats, ts: number): void {
  if (g.lastTs !== null) {
    const gap = Math.max(0, ts - g.lastTs);
    g.n += 1;
    const d = gap - g.mean;
    g.mean += d / g.n;
    g.m2 += d * (gap - g.mean);
  }
  g.lastTs = ts;
}

/**
 * Trade clustering as the burstiness of the gaps between trades, B = (sigma - mu) / (sigma + mu)
 * (Goh and Barabasi, 2008), population sigma: -1 for trades at a perfectly even pace, about 0 for
 * trades arriving at random (Poisson), towards +1 when trades come in bursts with long pauses.
 * Fewer than two gaps say nothing: 0.
 */
export function burstiness(g: GapStats): number {
  if (g.n < 2) return 0;
  const sigma = Math.sqrt(g.m2 / g.n);
  const mu = g.mean;
  return sigma + mu > 0 ? (sigma - mu) / (sigma + mu) : 0;
}

export const FEATURE_NAMES = [
  "orderRate",
  "cancelRatio",
  "turnoverOverEquity",
  "paymentFrequency",
  "pushShare",
  "tradeClustering",
] as const;

export function accountFeatures(c: AccountCounters): number[] {
  const minutes = Math.max(1, c.minutes);
  return [
    Math.log1p(c.orders / minutes),
    c.news > 0 ? c.cancels / c.news : 0,
    Math.log1p(c.turnover / Math.max(1, c.equity)),
    Math.log1p(((c.deposits + c.withdrawals) * 240) / minutes),
    c.buys > 0 ? c.pushBuys / c.buys : 0,
    burstiness(c.gaps),
  ];
}

/** The same features in the units a compliance officer reads (not log-scaled), for the case page. */
export function readableFeatures(c: AccountCounters): Record<(typeof FEATURE_NAMES)[number], number> {
  const minutes = Math.max(1, c.minutes);
  return {
    orderRate: c.orders / minutes, // orders and cancels a minute
    cancelRatio: c.news > 0 ? c.cancels / c.news : 0,
    turnoverOverEquity: c.turnover / Math.max(1, c.equity),
    paymentFrequency: ((c.deposits + c.withdrawals) * 240) / minutes, // a trading day of 240 minutes
    pushShare: c.buys > 0 ? c.pushBuys / c.buys : 0,
    tradeClustering: burstiness(c.gaps),
  };
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
    gaps: emptyGaps(),
  };
}

const PUSH_MOVE = 0.005;

/**
 * Adds one minute's events to the per-account counters. A symbol's minute counts as pushed up when
 * its trade price rose at least 0.5% first to last; buys in it count toward pushShare.
 */
export function accumulateCounters(
  counters: Map<string, AccountCounters>,
  events: readonly {
    ts: number;
    account: string;
    symbol: string;
    type: string;
    side: string;
    price: number;
    qty: number;
  }[],
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
      addTrade(c.gaps, e.ts);
      if (e.side === "BUY") {
        c.buys += e.qty;
        const r = range.get(e.symbol);
        if (r && r.last >= r.first * (1 + PUSH_MOVE)) c.pushBuys += e.qty;
      }
    }
  }
}

/** Order-flow features of one symbol (S1): cancel ratio and trade clustering, carried forward. */
export interface SymbolFlow {
  news: number;
  cancels: number;
  trades: number;
  gaps: GapStats;
}

/** Adds one minute's events (in time order) to the per-symbol flow features. */
export function accumulateSymbolFlow(
  flows: Map<string, SymbolFlow>,
  events: readonly { ts: number; symbol: string; type: string; orderId: string }[],
): void {
  // Both sides of a trade are printed as one event each; a symbol's trade is counted once per ts.
  for (const e of events) {
    let f = flows.get(e.symbol);
    if (!f) {
      f = { news: 0, cancels: 0, trades: 0, gaps: emptyGaps() };
      flows.set(e.symbol, f);
    }
    if (e.type === "NEW") f.news += 1;
    else if (e.type === "CANCEL") f.cancels += 1;
    else if (f.gaps.lastTs !== e.ts) {
      f.trades += 1;
      addTrade(f.gaps, e.ts);
    }
  }
}

export function symbolFlowFeatures(f: SymbolFlow): { cancelRatio: number; tradeClustering: number; trades: number } {
  return { cancelRatio: f.news > 0 ? f.cancels / f.news : 0, tradeClustering: burstiness(f.gaps), trades: f.trades };
}
