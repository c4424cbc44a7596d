// P4 AML and fraud rules: each a pure function of the withdrawal and its history with explicit
// parameters, returning a hit (with the evidence shown to the approver) or null.
import { distanceKm, locateIp } from "./ip-geo";

export interface AmlParams {
  kyc: Record<number, { single: number; daily: number }>; // CNY per KYC level
  velocity: { windowMs: number; maxCount: number; maxAmount: number };
  geo: { maxSpeedKmh: number; minDistanceKm: number };
  coolOffMs: number; // a beneficiary must be on the whitelist this long
  roundTrip: { windowMs: number; minDeposit: number; withdrawShare: number; maxTradedShare: number };
  structuring: { windowMs: number; band: number; minCount: number };
  largeValue: { domestic: number; crossBorder: number; cash: number }; // PBOC thresholds
  chargeback: { windowMs: number; minCount: number };
  weights: Record<AmlRuleId, number>;
}

export type AmlRuleId =
  | "KYC_SINGLE"
  | "KYC_DAILY"
  | "VELOCITY"
  | "GEO_JUMP"
  | "NEW_DEVICE"
  | "NEW_BENEFICIARY"
  | "ROUND_TRIP"
  | "STRUCTURING"
  | "LARGE_VALUE"
  | "CHARGEBACK";

const HOUR = 3600_000;
const DAY = 24 * HOUR;

export const DEFAULT_AML_PARAMS: AmlParams = {
  kyc: {
    1: { single: 50_000, daily: 100_000 },
    2: { single: 300_000, daily: 1_000_000 },
    3: { single: 2_000_000, daily: 5_000_000 },
  },
  velocity: { windowMs: HOUR, maxCount: 3, maxAmount: 500_000 },
  geo: { maxSpeedKmh: 900, minDistanceKm: 100 },
  coolOffMs: DAY,
  roundTrip: { windowMs: 3 * DAY, minDeposit: 10_000, withdrawShare: 0.8, maxTradedShare: 0.2 },
  structuring: { windowMs: 7 * DAY, band: 0.1, minCount: 3 },
  largeValue: { domestic: 500_000, crossBorder: 200_000, cash: 50_000 },
  chargeback: { windowMs: 180 * DAY, minCount: 1 },
  weights: {
    KYC_SINGLE: 40,
    KYC_DAILY: 30,
    VELOCITY: 20,
    GEO_JUMP: 35,
    NEW_DEVICE: 15,
    NEW_BENEFICIARY: 20,
    ROUND_TRIP: 25,
    STRUCTURING: 35,
    LARGE_VALUE: 10,
    CHARGEBACK: 25,
  },
};

export interface AmlHit {
  rule: AmlRuleId;
  weight: number;
  evidence: Record<string, string | number | boolean | null>;
}

export interface MoneyEvent {
  ts: number;
  amount: number;
}
export interface LoginEvent {
  ts: number;
  ip: string;
  deviceId: string;
}

export interface AmlInput {
  nowMs: number;
  amount: number;
  crossBorder: boolean;
  cash: boolean;
  kycLevel: number;
  ip: string | null;
  deviceId: string | null;
  priorWithdrawals: MoneyEvent[]; // the account's earlier withdrawals (not rejected)
  deposits: MoneyEvent[]; // confirmed deposits
  logins: LoginEvent[]; // earlier client logins, any order
  beneficiaryAddedAt: number | null; // null: not on the whitelist
  tradedValueSinceDeposits: number; // CNY bought or sold since the window started
  chargebacks: number[]; // timestamps of chargebacks
}

type Rule = (i: AmlInput, p: AmlParams) => Omit<AmlHit, "weight"> | null;

const since = (events: MoneyEvent[], from: number) => events.filter((e) => e.ts >= from);
const sum = (events: MoneyEvent[]) => events.reduce((s, e) => s + e.amount, 0);

export const kycSingleRule: Rule = (i, p) => {
  const lim = p.kyc[i.kycLevel] ?? p.kyc[1];
  if (!lim || i.amount <= lim.single) return null;
  return { rule: "KYC_SINGLE", evidence: { kycLevel: i.kycLevel, amount: i.amount, limit: lim.single } };
};

export const kycDailyRule: Rule = (i, p) => {
  const lim = p.kyc[i.kycLevel] ?? p.kyc[1];
  if (!lim) return null;
  const today = sum(since(i.priorWithdrawals, i.nowMs - DAY)) + i.amount;
  if (today <= lim.daily) return null;
  return { rule: "KYC_DAILY", evidence: { kycLevel: i.kycLevel, last24h: today, limit: lim.daily } };
};

export const velocityRule: Rule = (i, p) => {
  const recent = since(i.priorWithdrawals, i.nowMs - p.velocity.windowMs);
  const count = recent.length + 1;
  const amount = sum(recent) + i.amount;
  if (count <= p.velocity.maxCount && amount <= p.velocity.maxAmount) return null;
  return {
    rule: "VELOCITY",
    evidence: { count, amount, maxCount: p.velocity.maxCount, maxAmount: p.velocity.maxAmount },
  };
};

/** Implied travel speed between the last login and this request; faster than an airliner is a hit. */
export const geoJumpRule: Rule = (i, p) => {
  const last = [...i.logins].sort((a, b) => b.ts - a.ts)[0];
  const from = locateIp(last?.ip);
  const to = locateIp(i.ip);
  if (!last || !from || !to) return null;
  const km = distanceKm(from, to);
  const hours = Math.max((i.nowMs - last.ts) / HOUR, 1 / 60);
  const speed = km / hours;
  if (km < p.geo.minDistanceKm || speed <= p.geo.maxSpeedKmh) return null;
  return {
    rule: "GEO_JUMP",
    evidence: {
      from: from.city,
      to: to.city,
      km: Math.round(km),
      hours: Number(hours.toFixed(2)),
      speedKmh: Math.round(speed),
    },
  };
};

export const newDeviceRule: Rule = (i) => {
  if (!i.deviceId || i.logins.length === 0 || i.logins.some((l) => l.deviceId === i.deviceId)) return null;
  return {
    rule: "NEW_DEVICE",
    evidence: { deviceId: i.deviceId, knownDevices: new Set(i.logins.map((l) => l.deviceId)).size },
  };
};

export const newBeneficiaryRule: Rule = (i, p) => {
  if (i.beneficiaryAddedAt !== null && i.nowMs - i.beneficiaryAddedAt >= p.coolOffMs) return null;
  const until = (i.beneficiaryAddedAt ?? i.nowMs) + p.coolOffMs;
  return {
    rule: "NEW_BENEFICIARY",
    evidence: { whitelisted: i.beneficiaryAddedAt !== null, coolOffUntil: new Date(until).toISOString() },
  };
};

export const roundTripRule: Rule = (i, p) => {
  const deposited = sum(since(i.deposits, i.nowMs - p.roundTrip.windowMs));
  if (deposited < p.roundTrip.minDeposit) return null;
  if (i.amount < p.roundTrip.withdrawShare * deposited) return null;
  if (i.tradedValueSinceDeposits >= p.roundTrip.maxTradedShare * deposited) return null;
  return { rule: "ROUND_TRIP", evidence: { deposited, withdrawing: i.amount, traded: i.tradedValueSinceDeposits } };
};

/** Repeated amounts in the band just under a reporting threshold (this one included). */
export const structuringRule: Rule = (i, p) => {
  const thresholds = [p.largeValue.cash, p.largeValue.crossBorder, p.largeValue.domestic];
  const events = [
    ...since(i.priorWithdrawals, i.nowMs - p.structuring.windowMs),
    ...since(i.deposits, i.nowMs - p.structuring.windowMs),
  ];
  for (const t of thresholds) {
    const inBand = (a: number) => a >= t * (1 - p.structuring.band) && a < t;
    if (!inBand(i.amount)) continue;
    const count = events.filter((e) => inBand(e.amount)).length + 1;
    if (count >= p.structuring.minCount)
      return { rule: "STRUCTURING", evidence: { threshold: t, count, amount: i.amount } };
  }
  return null;
};

export type LargeValueCategory = "DOMESTIC" | "CROSS_BORDER" | "CASH";

/** PBOC large-value thresholds: which reports a transfer of this amount needs. */
export function largeValueCategories(
  amount: number,
  crossBorder: boolean,
  cash: boolean,
  p: AmlParams = DEFAULT_AML_PARAMS,
) {
  const out: Array<{ category: LargeValueCategory; threshold: number }> = [];
  if (cash && amount >= p.largeValue.cash) out.push({ category: "CASH", threshold: p.largeValue.cash });
  if (crossBorder && amount >= p.largeValue.crossBorder)
    out.push({ category: "CROSS_BORDER", threshold: p.largeValue.crossBorder });
  if (!crossBorder && amount >= p.largeValue.domestic)
    out.push({ category: "DOMESTIC", threshold: p.largeValue.domestic });
  return out;
}

export const largeValueRule: Rule = (i, p) => {
  const cats = largeValueCategories(i.amount, i.crossBorder, i.cash, p);
  const first = cats[0];
  if (!first) return null;
  return {
    rule: "LARGE_VALUE",
    evidence: { category: cats.map((c) => c.category).join(","), threshold: first.threshold, amount: i.amount },
  };
};

export const chargebackRule: Rule = (i, p) => {
  const recent = i.chargebacks.filter((ts) => ts >= i.nowMs - p.chargeback.windowMs);
  if (recent.length < p.chargeback.minCount) return null;
  return {
    rule: "CHARGEBACK",
    evidence: { chargebacks: recent.length, last: new Date(Math.max(...recent)).toISOString() },
  };
};

export const AML_RULES: readonly Rule[] = [
  kycSingleRule,
  kycDailyRule,
  velocityRule,
  geoJumpRule,
  newDeviceRule,
  newBeneficiaryRule,
  roundTripRule,
  structuringRule,
  largeValueRule,
  chargebackRule,
];

/** All hits and the score (sum of weights, capped at 100). */
export function evaluateAml(
  input: AmlInput,
  params: AmlParams = DEFAULT_AML_PARAMS,
): { score: number; hits: AmlHit[] } {
  const hits: AmlHit[] = [];
  for (const rule of AML_RULES) {
    const h = rule(input, params);
    if (h) hits.push({ ...h, weight: params.weights[h.rule] });
  }
  return {
    score: Math.min(
      100,
      hits.reduce((s, h) => s + h.weight, 0),
    ),
    hits,
  };
}
