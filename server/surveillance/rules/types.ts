// The S2 rules' shared vocabulary: order-flow and payment events in, hits with evidence out, and
// the parameters (DESIGN 10 names the first four and their defaults).

export type OrderEventType = "NEW" | "CANCEL" | "TRADE";
export type Side = "BUY" | "SELL";

/** One account's order event. A TRADE is one account's side; `counterparty` names the other account. */
export interface OrderEvent {
  /** epoch ms */
  ts: number;
  account: string;
  symbol: string;
  type: OrderEventType;
  side: Side;
  orderId: string;
  price: number;
  qty: number;
  counterparty?: string;
  /** Trade id when known (evidence links); otherwise evidence names the trade `${orderId}@${ts}`. */
  tradeId?: string;
}

/** A money movement: a deposit from a card (`instrument`) or a withdrawal to a beneficiary account. */
export interface PaymentEvent {
  id: string;
  ts: number;
  account: string;
  kind: "DEPOSIT" | "WITHDRAWAL";
  instrument: string;
  amount: number;
}

export interface Evidence {
  orders: string[];
  trades: string[];
  payments: string[];
  /** true when the rule saw more items than EVIDENCE_CAP and kept the first ones. */
  truncated?: boolean;
}

export interface Hit {
  rule: string;
  accounts: string[];
  symbol?: string;
  /** Asia/Shanghai calendar day, YYYY-MM-DD */
  day?: string;
  count: number;
  /** rule-specific strength (z-score, cancel ratio, ...) */
  score?: number;
  evidence: Evidence;
  /** Stable identity of what the hit is about: a later hit with the same key updates it. */
  key: string;
  /** ts of the latest event behind the hit */
  lastTs: number;
}

export interface RuleParams {
  hfPerSecond: number;
  hfPerDay: number;
  cancelRatio: number;
  cancelRatioMinOrders: number;
  /** z-score of an account's one-minute NEW+CANCEL count against its own baseline of active minutes */
  zThreshold: number;
  zMinCount: number;
  zBaselineMinutes: number;
  /** matched wash trades: opposite sides within this many ms (inclusive), prices and sizes this close */
  washWindowMs: number;
  washPriceTolBps: number;
  washQtyTol: number;
  /** spoofing/layering */
  spoofMinQty: number;
  spoofCancelWithinMs: number;
  spoofExecuteWithinMs: number;
  spoofMinLayers: number;
  /** a layer rests at least this far from the touch (the symbol's last trade), in bps */
  spoofMinAwayBps: number;
  /** repeated one-minute price pushes */
  pushMinMoveBps: number;
  pushMinShare: number;
  pushMinMinutes: number;
  pushWindowMinutes: number;
  /** fund flows */
  fundMinAccounts: number;
  fundWindowMs: number;
}

export const DEFAULT_RULE_PARAMS: RuleParams = {
  hfPerSecond: 300,
  hfPerDay: 20_000,
  cancelRatio: 0.9,
  cancelRatioMinOrders: 50,
  zThreshold: 6,
  zMinCount: 60,
  zBaselineMinutes: 30,
  washWindowMs: 5_000,
  washPriceTolBps: 20,
  washQtyTol: 0.1,
  spoofMinQty: 50_000,
  spoofCancelWithinMs: 5_000,
  spoofExecuteWithinMs: 10_000,
  spoofMinLayers: 2,
  spoofMinAwayBps: 20,
  pushMinMoveBps: 50,
  pushMinShare: 0.3,
  pushMinMinutes: 3,
  pushWindowMinutes: 30,
  fundMinAccounts: 3,
  fundWindowMs: 30 * 86_400_000,
};

/** Evidence lists keep this many ids per kind; the hit's count still counts them all. */
export const EVIDENCE_CAP = 100;

const SHANGHAI_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** Asia/Shanghai calendar day number (no daylight saving in China since 1991, so a fixed +08:00). */
export function shanghaiDay(ts: number): number {
  return Math.floor((ts + SHANGHAI_OFFSET_MS) / DAY_MS);
}

export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function tradeRef(e: OrderEvent): string {
  return e.tradeId ?? `${e.orderId}@${e.ts}`;
}

export function emptyEvidence(): Evidence {
  return { orders: [], trades: [], payments: [] };
}

/** Adds an id to a capped evidence list (keeps the first EVIDENCE_CAP, flags the rest). */
export function pushCapped(ev: Evidence, kind: "orders" | "trades" | "payments", id: string): void {
  const list = ev[kind];
  if (list.length < EVIDENCE_CAP) {
    if (!list.includes(id)) list.push(id);
  } else ev.truncated = true;
}
