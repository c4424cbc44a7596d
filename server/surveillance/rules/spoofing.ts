// S2 spoofing / layering: large orders (>= spoofMinQty) resting away from the touch (at least
// spoofMinAwayBps from the symbol's last trade price, on the passive side: a buy below it, a sell
// above it) cancelled within spoofCancelWithinMs of being placed, then, within spoofExecuteWithinMs of those cancels, an execution by the same
// account on the opposite side of the same symbol. spoofMinLayers large cancelled orders are
// needed (1 = spoofing, more = layering). The last trade stands for the touch (the events carry no
// quotes); before a symbol's first trade no order counts as away. State per account and symbol: the
// large orders still open and the recent large cancels, both pruned by time; per symbol its last
// trade price.
import { emptyEvidence, pushCapped, tradeRef, type Hit, type OrderEvent, type RuleParams } from "./types";

interface OpenLarge {
  ts: number;
  side: OrderEvent["side"];
}
interface LargeCancel {
  ts: number;
  side: OrderEvent["side"];
  orderId: string;
}
interface Book {
  open: Map<string, OpenLarge>;
  cancels: LargeCancel[];
}
interface SpoofRecord {
  account: string;
  symbol: string;
  count: number;
  reported: number;
  evidence: ReturnType<typeof emptyEvidence>;
  lastTs: number;
}

export interface SpoofState {
  books: Map<string, Book>;
  lastTrade: Map<string, number>;
  records: Map<string, SpoofRecord>;
  dirty: Set<string>;
}

export function createSpoofState(): SpoofState {
  return { books: new Map(), lastTrade: new Map(), records: new Map(), dirty: new Set() };
}

export function ingestSpoof(s: SpoofState, e: OrderEvent, p: RuleParams): void {
  const key = `${e.account}|${e.symbol}`;
  let b = s.books.get(key);
  if (e.type === "NEW") {
    if (e.qty < p.spoofMinQty || !awayFromTouch(s.lastTrade.get(e.symbol), e, p.spoofMinAwayBps)) return;
    if (!b) {
      b = { open: new Map(), cancels: [] };
      s.books.set(key, b);
    }
    for (const [id, o] of b.open) if (o.ts < e.ts - p.spoofCancelWithinMs) b.open.delete(id);
    b.open.set(e.orderId, { ts: e.ts, side: e.side });
    return;
  }
  if (e.type === "TRADE") s.lastTrade.set(e.symbol, e.price);
  if (!b) return;
  if (e.type === "CANCEL") {
    const o = b.open.get(e.orderId);
    b.open.delete(e.orderId);
    if (o && e.ts - o.ts <= p.spoofCancelWithinMs) b.cancels.push({ ts: e.ts, side: o.side, orderId: e.orderId });
    return;
  }
  // TRADE: the large cancels on the other side, recent enough, make the pattern.
  b.cancels = b.cancels.filter((c) => c.ts >= e.ts - p.spoofExecuteWithinMs);
  const layers = b.cancels.filter((c) => c.side !== e.side);
  if (layers.length >= p.spoofMinLayers) {
    const rkey = `SPOOFING|${e.account}|${e.symbol}`;
    let r = s.records.get(rkey);
    if (!r) {
      r = { account: e.account, symbol: e.symbol, count: 0, reported: 0, evidence: emptyEvidence(), lastTs: e.ts };
      s.records.set(rkey, r);
    }
    r.count += layers.length;
    r.lastTs = e.ts;
    for (const c of layers) pushCapped(r.evidence, "orders", c.orderId);
    pushCapped(r.evidence, "orders", e.orderId);
    pushCapped(r.evidence, "trades", tradeRef(e));
    b.cancels = b.cancels.filter((c) => c.side === e.side);
    s.dirty.add(rkey);
  }
  if (b.open.size === 0 && b.cancels.length === 0) s.books.delete(key);
}

/** A passive order at least minBps from the touch: a buy below it, a sell above it. */
export function awayFromTouch(touch: number | undefined, e: OrderEvent, minBps: number): boolean {
  if (touch === undefined || !(touch > 0)) return false;
  const bps = ((e.side === "BUY" ? touch - e.price : e.price - touch) / touch) * 10_000;
  return bps >= minBps;
}

export function collectSpoof(s: SpoofState): Hit[] {
  const out: Hit[] = [];
  for (const key of s.dirty) {
    const r = s.records.get(key);
    if (!r || r.count === r.reported) continue;
    r.reported = r.count;
    out.push({
      rule: "SPOOFING",
      accounts: [r.account],
      symbol: r.symbol,
      count: r.count,
      evidence: r.evidence,
      key,
      lastTs: r.lastTs,
    });
  }
  s.dirty.clear();
  return out;
}
