// S2 repeated one-minute price pushes: a minute in which a symbol's trade price moves at least
// pushMinMoveBps (first to last trade of the minute) and one account did at least pushMinShare of
// the volume on the side of the move (buys on an up move, sells on a down move). An account with
// pushMinMinutes such minutes within pushWindowMinutes is a hit. State: the open minute per symbol
// and each account's recent push minutes.
import { emptyEvidence, pushCapped, tradeRef, type Hit, type OrderEvent, type RuleParams } from "./types";

const MINUTE_MS = 60_000;

interface MinuteBucket {
  minute: number;
  first: number;
  last: number;
  buy: number;
  sell: number;
  byAccount: Map<string, { buy: number; sell: number; trades: string[]; orders: string[] }>;
}
interface PushRecord {
  account: string;
  symbol: string;
  minutes: number[];
  evidence: ReturnType<typeof emptyEvidence>;
  reported: number;
  total: number;
  lastTs: number;
}

export interface PushState {
  buckets: Map<string, MinuteBucket>;
  records: Map<string, PushRecord>;
  dirty: Set<string>;
}

export function createPushState(): PushState {
  return { buckets: new Map(), records: new Map(), dirty: new Set() };
}

export function ingestPush(s: PushState, e: OrderEvent, p: RuleParams): void {
  if (e.type !== "TRADE") return;
  const minute = Math.floor(e.ts / MINUTE_MS);
  let b = s.buckets.get(e.symbol);
  if (b && b.minute !== minute) {
    closeBucket(s, e.symbol, b, p);
    b = undefined;
  }
  if (!b) {
    b = { minute, first: e.price, last: e.price, buy: 0, sell: 0, byAccount: new Map() };
    s.buckets.set(e.symbol, b);
  }
  b.last = e.price;
  let a = b.byAccount.get(e.account);
  if (!a) {
    a = { buy: 0, sell: 0, trades: [], orders: [] };
    b.byAccount.set(e.account, a);
  }
  if (e.side === "BUY") {
    b.buy += e.qty;
    a.buy += e.qty;
  } else {
    b.sell += e.qty;
    a.sell += e.qty;
  }
  if (a.trades.length < 20) {
    a.trades.push(tradeRef(e));
    a.orders.push(e.orderId);
  }
}

function closeBucket(s: PushState, symbol: string, b: MinuteBucket, p: RuleParams): void {
  s.buckets.delete(symbol);
  const move = (b.last - b.first) / b.first;
  if (Math.abs(move) * 10_000 < p.pushMinMoveBps) return;
  const up = move > 0;
  // When only one side of each trade is reported the other side's total is 0: use the larger one.
  const volume = Math.max(b.buy, b.sell);
  if (volume <= 0) return;
  for (const [account, a] of b.byAccount) {
    const share = (up ? a.buy : a.sell) / volume;
    if (share < p.pushMinShare) continue;
    const key = `PRICE_PUSH|${account}|${symbol}`;
    let r = s.records.get(key);
    if (!r) {
      r = { account, symbol, minutes: [], evidence: emptyEvidence(), reported: 0, total: 0, lastTs: 0 };
      s.records.set(key, r);
    }
    r.minutes = r.minutes.filter((m) => m > b.minute - p.pushWindowMinutes);
    r.minutes.push(b.minute);
    r.total += 1;
    r.lastTs = (b.minute + 1) * MINUTE_MS - 1;
    for (const t of a.trades) pushCapped(r.evidence, "trades", t);
    for (const o of a.orders) pushCapped(r.evidence, "orders", o);
    if (r.minutes.length >= p.pushMinMinutes) s.dirty.add(key);
  }
}

/** Closes the minutes that ended at or before `now` (all of them when null), then reports. */
export function collectPush(s: PushState, p: RuleParams, now: number | null): Hit[] {
  const closeBefore = now === null ? Infinity : Math.floor(now / MINUTE_MS);
  for (const [symbol, b] of [...s.buckets]) if (b.minute < closeBefore) closeBucket(s, symbol, b, p);
  const out: Hit[] = [];
  for (const key of s.dirty) {
    const r = s.records.get(key);
    if (!r || r.total === r.reported) continue;
    r.reported = r.total;
    out.push({
      rule: "PRICE_PUSH",
      accounts: [r.account],
      symbol: r.symbol,
      count: r.total,
      score: r.minutes.length,
      evidence: r.evidence,
      key,
      lastTs: r.lastTs,
    });
  }
  s.dirty.clear();
  return out;
}
