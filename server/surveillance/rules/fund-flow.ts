// S2 fund-flow anomalies: many accounts funded from one card (FUND_SHARED_SOURCE) and many
// accounts paying out to one beneficiary (FUND_COMMON_BENEFICIARY), fundMinAccounts distinct
// accounts within fundWindowMs. State per instrument: its recent payments, pruned by time.
import { emptyEvidence, pushCapped, type Hit, type PaymentEvent, type RuleParams } from "./types";

interface InstrumentRecord {
  kind: PaymentEvent["kind"];
  instrument: string;
  recent: { ts: number; account: string; id: string }[];
  reportedAccounts: number;
  evidence: ReturnType<typeof emptyEvidence>;
}

export interface FundFlowState {
  records: Map<string, InstrumentRecord>;
  dirty: Set<string>;
}

export function createFundFlowState(): FundFlowState {
  return { records: new Map(), dirty: new Set() };
}

export function ingestPayment(s: FundFlowState, e: PaymentEvent, p: RuleParams): void {
  const key = `${e.kind}|${e.instrument}`;
  let r = s.records.get(key);
  if (!r) {
    r = { kind: e.kind, instrument: e.instrument, recent: [], reportedAccounts: 0, evidence: emptyEvidence() };
    s.records.set(key, r);
  }
  r.recent = r.recent.filter((x) => x.ts >= e.ts - p.fundWindowMs);
  r.recent.push({ ts: e.ts, account: e.account, id: e.id });
  s.dirty.add(key);
}

export function collectFundFlow(s: FundFlowState, p: RuleParams): Hit[] {
  const out: Hit[] = [];
  for (const key of s.dirty) {
    const r = s.records.get(key);
    if (!r) continue;
    const accounts = [...new Set(r.recent.map((x) => x.account))].sort();
    if (accounts.length < p.fundMinAccounts || accounts.length <= r.reportedAccounts) continue;
    r.reportedAccounts = accounts.length;
    const evidence = emptyEvidence();
    for (const x of r.recent) pushCapped(evidence, "payments", x.id);
    const rule = r.kind === "DEPOSIT" ? "FUND_SHARED_SOURCE" : "FUND_COMMON_BENEFICIARY";
    out.push({
      rule,
      accounts,
      count: accounts.length,
      evidence,
      key: `${rule}|${r.instrument}`,
      lastTs: r.recent.at(-1)?.ts ?? 0,
    });
  }
  s.dirty.clear();
  return out;
}
