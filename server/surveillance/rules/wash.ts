// S2 wash trades and related-party trades, carried forward trade by trade.
// WASH_TRADE (DESIGN 10): a TRADE whose account and counterparty are the same account or in one
//   linked cluster; one hit per symbol and group, `count` the distinct trades (both sides of one
//   trade, reported as two events, count once).
// WASH_TRADE_MATCHED: opposite-side trades of two accounts of one cluster in one symbol within
//   washWindowMs (inclusive) at prices within washPriceTolBps and sizes within washQtyTol, when the
//   exchange matched them against others (no counterparty, or one outside the cluster).
// RELATED_PARTY_TRADE: the counterparty is a declared related party of the account.
import { emptyEvidence, pushCapped, tradeRef, type Hit, type OrderEvent, type RuleParams } from "./types";

export interface WashContext {
  /** The cluster key of an account (its cluster's first account), or undefined when unlinked. */
  groupOf(account: string): string | undefined;
  /** Declared related parties, as "a|b" with a < b. */
  relatedPairs: ReadonlySet<string>;
}

interface GroupRecord {
  rule: string;
  symbol: string;
  accounts: Set<string>;
  count: number;
  reported: number;
  evidence: ReturnType<typeof emptyEvidence>;
  lastTs: number;
  key: string;
}

interface RecentTrade {
  ts: number;
  account: string;
  side: OrderEvent["side"];
  price: number;
  qty: number;
  orderId: string;
  trade: string;
}

export interface WashState {
  records: Map<string, GroupRecord>;
  /** de-duplication of the two sides of one trade: key -> ts, pruned after a minute */
  seen: Map<string, number>;
  /** per cluster and symbol, the trades of the last washWindowMs not yet matched */
  recent: Map<string, RecentTrade[]>;
  dirty: Set<string>;
  lastPrune: number;
}

export function createWashState(): WashState {
  return { records: new Map(), seen: new Map(), recent: new Map(), dirty: new Set(), lastPrune: 0 };
}

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

function record(s: WashState, rule: string, group: string, symbol: string, ts: number): GroupRecord {
  const key = `${rule}|${symbol}|${group}`;
  let r = s.records.get(key);
  if (!r) {
    r = { rule, symbol, accounts: new Set(), count: 0, reported: 0, evidence: emptyEvidence(), lastTs: ts, key };
    s.records.set(key, r);
  }
  r.lastTs = Math.max(r.lastTs, ts);
  s.dirty.add(key);
  return r;
}

export function ingestWash(s: WashState, e: OrderEvent, ctx: WashContext, p: RuleParams): void {
  if (e.type !== "TRADE") return;
  if (e.ts - s.lastPrune > 60_000) {
    for (const [k, ts] of s.seen) if (ts < e.ts - 60_000) s.seen.delete(k);
    for (const [k, list] of s.recent) if ((list.at(-1)?.ts ?? 0) < e.ts - p.washWindowMs) s.recent.delete(k);
    s.lastPrune = e.ts;
  }
  const group = ctx.groupOf(e.account);
  const cp = e.counterparty;
  if (cp !== undefined) {
    // Both sides of one trade carry the same time, symbol, price, size and pair of accounts.
    const tradeKey = `${e.ts}|${e.symbol}|${e.price}|${e.qty}|${pairKey(e.account, cp)}`;
    const firstSide = !s.seen.has(tradeKey);
    s.seen.set(tradeKey, e.ts);
    const sameGroup = cp === e.account || (group !== undefined && ctx.groupOf(cp) === group);
    if (sameGroup) {
      const r = record(s, "WASH_TRADE", group ?? e.account, e.symbol, e.ts);
      r.accounts.add(e.account).add(cp);
      if (firstSide) r.count += 1;
      pushCapped(r.evidence, "orders", e.orderId);
      pushCapped(r.evidence, "trades", tradeRef(e));
      return;
    }
    if (ctx.relatedPairs.has(pairKey(e.account, cp))) {
      const r = record(s, "RELATED_PARTY_TRADE", pairKey(e.account, cp), e.symbol, e.ts);
      r.accounts.add(e.account).add(cp);
      if (firstSide) r.count += 1;
      pushCapped(r.evidence, "orders", e.orderId);
      pushCapped(r.evidence, "trades", tradeRef(e));
    }
  }
  if (group === undefined) return;
  matchWithinWindow(s, e, group, p);
}

function matchWithinWindow(s: WashState, e: OrderEvent, group: string, p: RuleParams): void {
  const key = `${group}|${e.symbol}`;
  const list = (s.recent.get(key) ?? []).filter((t) => t.ts >= e.ts - p.washWindowMs);
  const at = list.findIndex(
    (t) =>
      t.account !== e.account &&
      t.side !== e.side &&
      Math.abs(t.price - e.price) <= (p.washPriceTolBps / 10_000) * Math.min(t.price, e.price) &&
      Math.abs(t.qty - e.qty) <= p.washQtyTol * Math.max(t.qty, e.qty),
  );
  if (at >= 0) {
    const m = list[at];
    list.splice(at, 1);
    if (m) {
      const r = record(s, "WASH_TRADE_MATCHED", group, e.symbol, e.ts);
      r.accounts.add(e.account).add(m.account);
      r.count += 1;
      pushCapped(r.evidence, "orders", m.orderId);
      pushCapped(r.evidence, "orders", e.orderId);
      pushCapped(r.evidence, "trades", m.trade);
      pushCapped(r.evidence, "trades", tradeRef(e));
    }
  } else {
    list.push({
      ts: e.ts,
      account: e.account,
      side: e.side,
      price: e.price,
      qty: e.qty,
      orderId: e.orderId,
      trade: tradeRef(e),
    });
  }
  if (list.length > 0) s.recent.set(key, list);
  else s.recent.delete(key);
}

export function collectWash(s: WashState): Hit[] {
  const out: Hit[] = [];
  for (const key of s.dirty) {
    const r = s.records.get(key);
    if (!r || r.count === r.reported || r.count === 0) continue;
    r.reported = r.count;
    out.push({
      rule: r.rule,
      accounts: [...r.accounts].sort(),
      symbol: r.symbol,
      count: r.count,
      evidence: r.evidence,
      key: r.key,
      lastTs: r.lastTs,
    });
  }
  s.dirty.clear();
  return out;
}
