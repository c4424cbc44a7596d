// S2 order-frequency rules over one account's NEW+CANCEL stream, carried forward event by event:
// HIGH_FREQUENCY_SECOND (>= hfPerSecond in some [t, t + 1000)), HIGH_FREQUENCY_DAY (>= hfPerDay in
// an Asia/Shanghai day: the SSE/SZSE program-trading reporting thresholds), CANCEL_RATIO and
// ORDER_RATE_ZSCORE (a minute's count against the account's own baseline of active minutes).
// State per account is O(events in the last second + evidence caps): no rescans of the day.
import {
  dayLabel,
  emptyEvidence,
  pushCapped,
  shanghaiDay,
  type Evidence,
  type Hit,
  type OrderEvent,
  type RuleParams,
} from "./types";

const MINUTE_MS = 60_000;

interface DayRecord {
  day: number;
  count: number;
  dayEvidence: Evidence;
  secMax: number;
  secEvidence: Evidence;
  news: number;
  cancels: number;
  cancelEvidence: Evidence;
  zMax: number;
  zCount: number;
  zEvidence: Evidence;
  lastTs: number;
  /** what was last reported, so a hit is emitted again only when it grows */
  reported: { sec: number; day: number; cancel: number; z: number };
}

interface AccountFrequency {
  rec: DayRecord;
  /** the last second's NEW+CANCEL events (ts ascending), a deque with a moving head */
  winTs: number[];
  winIds: string[];
  head: number;
  minute: number;
  minuteCount: number;
  minuteEvidence: Evidence;
  base: { n: number; mean: number; m2: number };
}

export interface FrequencyState {
  accounts: Map<string, AccountFrequency>;
  /** records of days that ended before they were collected */
  closedDays: { account: string; rec: DayRecord }[];
  dirty: Set<string>;
}

export function createFrequencyState(): FrequencyState {
  return { accounts: new Map(), closedDays: [], dirty: new Set() };
}

function newDayRecord(day: number): DayRecord {
  return {
    day,
    count: 0,
    dayEvidence: emptyEvidence(),
    secMax: 0,
    secEvidence: emptyEvidence(),
    news: 0,
    cancels: 0,
    cancelEvidence: emptyEvidence(),
    zMax: 0,
    zCount: 0,
    zEvidence: emptyEvidence(),
    lastTs: 0,
    reported: { sec: 0, day: 0, cancel: 0, z: 0 },
  };
}

/** Feeds one event; events of an account must arrive in ts order. TRADEs are ignored here. */
export function ingestFrequency(s: FrequencyState, e: OrderEvent, p: RuleParams): void {
  if (e.type === "TRADE") return;
  const day = shanghaiDay(e.ts);
  let a = s.accounts.get(e.account);
  if (!a) {
    a = {
      rec: newDayRecord(day),
      winTs: [],
      winIds: [],
      head: 0,
      minute: Math.floor(e.ts / MINUTE_MS),
      minuteCount: 0,
      minuteEvidence: emptyEvidence(),
      base: { n: 0, mean: 0, m2: 0 },
    };
    s.accounts.set(e.account, a);
  }
  const minute = Math.floor(e.ts / MINUTE_MS);
  if (minute !== a.minute) closeMinute(a, p);
  a.minute = minute;
  if (day !== a.rec.day) {
    s.closedDays.push({ account: e.account, rec: a.rec });
    a.rec = newDayRecord(day);
    a.winTs = [];
    a.winIds = [];
    a.head = 0;
  }
  const r = a.rec;
  r.count += 1;
  r.lastTs = e.ts;
  pushCapped(r.dayEvidence, "orders", e.orderId);
  if (e.type === "NEW") r.news += 1;
  else {
    r.cancels += 1;
    pushCapped(r.cancelEvidence, "orders", e.orderId);
  }
  a.minuteCount += 1;
  pushCapped(a.minuteEvidence, "orders", e.orderId);

  // Sliding one-second window ending at this event: (ts - 1000, ts]. Its largest size equals the
  // largest count over windows [t, t + 1000) starting at an event (same sets, seen from either end).
  a.winTs.push(e.ts);
  a.winIds.push(e.orderId);
  while (a.head < a.winTs.length && (a.winTs[a.head] ?? 0) <= e.ts - 1000) a.head += 1;
  if (a.head > 4096) {
    a.winTs = a.winTs.slice(a.head);
    a.winIds = a.winIds.slice(a.head);
    a.head = 0;
  }
  const inWindow = a.winTs.length - a.head;
  if (inWindow > r.secMax) {
    r.secMax = inWindow;
    if (inWindow >= p.hfPerSecond) {
      const ev = emptyEvidence();
      for (let i = a.head; i < a.winIds.length; i++) pushCapped(ev, "orders", a.winIds[i] ?? "");
      r.secEvidence = ev;
    }
  }
  s.dirty.add(e.account);
}

/** Tests a finished minute against the baseline of earlier active minutes, then adds it (Welford). */
function closeMinute(a: AccountFrequency, p: RuleParams): void {
  const c = a.minuteCount;
  if (c === 0) return;
  const b = a.base;
  if (b.n >= p.zBaselineMinutes && c >= p.zMinCount) {
    // A floor of one order on the deviation keeps a perfectly regular account from dividing by 0.
    const sd = Math.max(1, Math.sqrt(b.m2 / (b.n - 1)));
    const z = (c - b.mean) / sd;
    if (z >= p.zThreshold && z > a.rec.zMax) {
      a.rec.zMax = z;
      a.rec.zCount = c;
      a.rec.zEvidence = a.minuteEvidence;
    }
  }
  b.n += 1;
  const d = c - b.mean;
  b.mean += d / b.n;
  b.m2 += d * (c - b.mean);
  a.minuteCount = 0;
  a.minuteEvidence = emptyEvidence();
}

function hitsOf(account: string, r: DayRecord, p: RuleParams, out: Hit[]): void {
  const day = dayLabel(r.day);
  const base = { accounts: [account], day, lastTs: r.lastTs };
  if (r.secMax >= p.hfPerSecond && r.secMax > r.reported.sec) {
    r.reported.sec = r.secMax;
    out.push({
      ...base,
      rule: "HIGH_FREQUENCY_SECOND",
      count: r.secMax,
      evidence: r.secEvidence,
      key: `HIGH_FREQUENCY_SECOND|${account}|${day}`,
    });
  }
  if (r.count >= p.hfPerDay && r.count > r.reported.day) {
    r.reported.day = r.count;
    out.push({
      ...base,
      rule: "HIGH_FREQUENCY_DAY",
      count: r.count,
      evidence: { ...r.dayEvidence, truncated: r.count > r.dayEvidence.orders.length },
      key: `HIGH_FREQUENCY_DAY|${account}|${day}`,
    });
  }
  if (r.news >= p.cancelRatioMinOrders && r.cancels / r.news >= p.cancelRatio && r.cancels !== r.reported.cancel) {
    r.reported.cancel = r.cancels;
    out.push({
      ...base,
      rule: "CANCEL_RATIO",
      count: r.cancels,
      score: r.cancels / r.news,
      evidence: r.cancelEvidence,
      key: `CANCEL_RATIO|${account}|${day}`,
    });
  }
  if (r.zMax > r.reported.z) {
    r.reported.z = r.zMax;
    out.push({
      ...base,
      rule: "ORDER_RATE_ZSCORE",
      count: r.zCount,
      score: r.zMax,
      evidence: r.zEvidence,
      key: `ORDER_RATE_ZSCORE|${account}|${day}`,
    });
  }
}

/**
 * Hits that appeared or grew since the last collect. `now`: minutes ending at or before it are
 * closed (their z-score tested); `null` closes every open minute (a finished batch).
 */
export function collectFrequency(s: FrequencyState, p: RuleParams, now: number | null): Hit[] {
  const out: Hit[] = [];
  for (const { account, rec } of s.closedDays) hitsOf(account, rec, p, out);
  s.closedDays = [];
  const closeBefore = now === null ? Infinity : Math.floor(now / MINUTE_MS);
  for (const account of s.dirty) {
    const a = s.accounts.get(account);
    if (!a) continue;
    if (a.minute < closeBefore) closeMinute(a, p);
    hitsOf(account, a.rec, p, out);
    // An account with an open minute stays dirty until that minute is closed.
    if (a.minuteCount === 0) s.dirty.delete(account);
  }
  return out;
}
