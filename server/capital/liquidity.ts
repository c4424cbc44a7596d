// C2 liquidity: the liquidity coverage ratio (Basel III LCR, BCBS 238: high-quality liquid assets
// over net cash outflows in a 30-day stress) with the run-off and inflow assumptions as versioned
// parameters, the reserve ratio, and the maturity ladder of funding against lending with its gaps.

export type HqlaLevel = "LEVEL1" | "LEVEL2A" | "LEVEL2B";
export type FundingKind = "OWN_CAPITAL" | "BANK_CREDIT" | "INSTITUTIONAL" | "RETAIL_POOL";

export interface LiquidityParams {
  version: number;
  /** Haircut on each HQLA level's market value (BCBS 238: 0%, 15%, 50%). */
  haircut: Record<HqlaLevel, number>;
  /** Share of each funding kind's balance that runs off (is not rolled) within the 30-day stress. */
  runOff: Record<FundingKind, number>;
  /** Share of clients' undrawn credit limits drawn in the stress. */
  undrawnDrawdown: number;
  /** Share of contractual loan repayments due within 30 days that still come in. */
  inflowRate: number;
  /** Inflows count up to this share of outflows (BCBS 238: 75%). */
  inflowCap: number;
  /** Alert lines. */
  minLcr: number;
  minReserveRatio: number;
}

/** The built-in assumptions (version 0); approved versions replace them (./liquidity-settings.ts). */
export const DEFAULT_LIQUIDITY_PARAMS: LiquidityParams = {
  version: 0,
  haircut: { LEVEL1: 0, LEVEL2A: 0.15, LEVEL2B: 0.5 },
  runOff: { OWN_CAPITAL: 0, BANK_CREDIT: 1, INSTITUTIONAL: 0.4, RETAIL_POOL: 0.1 },
  undrawnDrawdown: 0.1,
  inflowRate: 0.5,
  inflowCap: 0.75,
  minLcr: 1,
  minReserveRatio: 0.1,
};

export interface LcrInput {
  hqla: Record<HqlaLevel, number>; // market values, CNY
  /** Funding balances that mature or can be called within 30 days, per kind, CNY. */
  fundingDue30d: Record<FundingKind, number>;
  undrawnClientCredit: number;
  /** Client loan repayments contractually due within 30 days, CNY. */
  loanRepaymentsDue30d: number;
}

export interface LcrResult {
  hqla: number;
  level1: number;
  level2a: number;
  level2b: number;
  capAdjustment: number;
  outflows: number;
  inflows: number;
  netOutflows: number;
  /** null when there are no net outflows (coverage is unbounded). */
  lcr: number | null;
  paramVersion: number;
}

/** C2 LCR: HQLA after haircuts and the 15% / 40% composition caps (BCBS 238 Annex 1) over net outflows. */
export function computeLcr(input: LcrInput, params: LiquidityParams = DEFAULT_LIQUIDITY_PARAMS): LcrResult {
  const l1 = input.hqla.LEVEL1 * (1 - params.haircut.LEVEL1);
  const l2a = input.hqla.LEVEL2A * (1 - params.haircut.LEVEL2A);
  const l2b = input.hqla.LEVEL2B * (1 - params.haircut.LEVEL2B);
  const adj15 = Math.max(l2b - (15 / 85) * (l1 + l2a), l2b - (15 / 60) * l1, 0);
  const adj40 = Math.max(l2a + l2b - adj15 - (2 / 3) * l1, 0);
  const hqla = l1 + l2a + l2b - adj15 - adj40;
  let outflows = input.undrawnClientCredit * params.undrawnDrawdown;
  for (const kind of Object.keys(params.runOff) as FundingKind[])
    outflows += (input.fundingDue30d[kind] ?? 0) * params.runOff[kind];
  const inflows = Math.min(input.loanRepaymentsDue30d * params.inflowRate, params.inflowCap * outflows);
  const net = outflows - inflows;
  return {
    hqla,
    level1: l1,
    level2a: l2a,
    level2b: l2b,
    capAdjustment: adj15 + adj40,
    outflows,
    inflows,
    netOutflows: net,
    lcr: net > 0 ? hqla / net : null,
    paramVersion: params.version,
  };
}

/** C2 reserve ratio: reserves (liquidity + overnight pools) over funding drawn; null with nothing drawn. */
export function reserveRatio(reserves: number, fundingDrawn: number): number | null {
  return fundingDrawn > 0 ? reserves / fundingDrawn : null;
}

export const LADDER_BUCKETS = [
  { key: "OVERNIGHT", maxDays: 1 },
  { key: "WEEK_1", maxDays: 7 },
  { key: "MONTH_1", maxDays: 30 },
  { key: "MONTH_3", maxDays: 91 },
  { key: "LONGER", maxDays: Infinity },
] as const;
export type LadderBucket = (typeof LADDER_BUCKETS)[number]["key"];

export interface LadderItem {
  side: "FUNDING" | "LENDING";
  amount: number;
  /** Days until it falls due (0 or 1 = overnight; callable funding counts as overnight). */
  days: number;
}

export interface LadderRow {
  bucket: LadderBucket;
  /** Lending falling due: cash coming back. */
  lending: number;
  /** Funding falling due: cash going out. */
  funding: number;
  gap: number;
  cumulativeGap: number;
}

/** C2 maturity ladder: each item in the first bucket whose bound covers its days; gap = lending - funding. */
export function maturityLadder(items: readonly LadderItem[]): LadderRow[] {
  const rows: LadderRow[] = LADDER_BUCKETS.map((b) => ({
    bucket: b.key,
    lending: 0,
    funding: 0,
    gap: 0,
    cumulativeGap: 0,
  }));
  for (const it of items) {
    if (!(it.amount >= 0) || !(it.days >= 0)) throw new RangeError("ladder items need amount >= 0 and days >= 0");
    const i = LADDER_BUCKETS.findIndex((b) => it.days <= b.maxDays);
    const row = rows[i] as LadderRow;
    if (it.side === "FUNDING") row.funding += it.amount;
    else row.lending += it.amount;
  }
  let cum = 0;
  for (const r of rows) {
    r.gap = r.lending - r.funding;
    cum += r.gap;
    r.cumulativeGap = cum;
  }
  return rows;
}
