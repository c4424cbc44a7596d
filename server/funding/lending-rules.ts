// F1 rules on new lending (a buy on margin), pure: which source funds it (failover to the backup
// when the preferred source is down or its cost spikes) and which limits refuse it. A limit is met
// when the exposure after the loan equals it; one fen more is refused. Amounts are decimals.
import Decimal from "decimal.js";

export interface SourceView {
  code: string;
  status: "ACTIVE" | "DOWN";
  costRate: number;
  spikeRate: number;
  limitAmount: Decimal;
  drawn: Decimal;
  priority: number;
  backupCode: string | null;
  /** The SOURCE concentration limit on this source, if any. */
  concentrationMax: Decimal | null;
}

export type Unusable = "DOWN" | "COST_SPIKE" | "NO_HEADROOM";

export function unusableReason(s: SourceView, amount: Decimal): Unusable | null {
  if (s.status === "DOWN") return "DOWN";
  if (s.costRate > s.spikeRate) return "COST_SPIKE";
  const cap = s.concentrationMax ? Decimal.min(s.limitAmount, s.concentrationMax) : s.limitAmount;
  if (s.drawn.plus(amount).gt(cap)) return "NO_HEADROOM";
  return null;
}

export interface SourceChoice {
  /** The source that funds the loan, or null when none can. */
  source: SourceView | null;
  /** The preferred source (lowest priority number), whatever its state. */
  preferred: SourceView | null;
  /** Why the preferred source was passed over; null when it funds the loan. */
  failoverReason: Unusable | null;
  /** Every source tried, in order, with why it was passed over. */
  tried: { code: string; reason: Unusable }[];
}

/**
 * The preferred source first; when it cannot fund, its backup chain (following backupCode, each
 * source once), then any other usable source by priority.
 */
export function chooseSource(sources: readonly SourceView[], amount: Decimal): SourceChoice {
  const ordered = [...sources].sort((a, b) => a.priority - b.priority || a.code.localeCompare(b.code));
  const preferred = ordered[0] ?? null;
  const byCode = new Map(ordered.map((s) => [s.code, s]));
  const chain: SourceView[] = [];
  const seen = new Set<string>();
  for (let s = preferred; s && !seen.has(s.code); s = s.backupCode ? (byCode.get(s.backupCode) ?? null) : null) {
    seen.add(s.code);
    chain.push(s);
  }
  for (const s of ordered) if (!seen.has(s.code)) chain.push(s);
  const tried: SourceChoice["tried"] = [];
  for (const s of chain) {
    const reason = unusableReason(s, amount);
    if (!reason) return { source: s, preferred, failoverReason: tried[0]?.reason ?? null, tried };
    tried.push({ code: s.code, reason });
  }
  return { source: null, preferred, failoverReason: tried[0]?.reason ?? null, tried };
}

export interface LimitCheckInput {
  amount: Decimal;
  clientDebt: Decimal;
  clientLimit: Decimal | null;
  symbol: string;
  symbolLending: Decimal;
  symbolLimit: Decimal | null;
  sector: string;
  sectorLending: Decimal;
  sectorLimit: Decimal | null;
}

export interface LimitRefusal {
  limit: "CLIENT_CREDIT" | "SYMBOL" | "SECTOR";
  key: string;
  max: Decimal;
  after: Decimal;
}

/** Every limit the loan would break (empty = allowed). */
export function checkLendingLimits(i: LimitCheckInput, accountId: string): LimitRefusal[] {
  const out: LimitRefusal[] = [];
  const test = (limit: LimitRefusal["limit"], key: string, current: Decimal, max: Decimal | null) => {
    const after = current.plus(i.amount);
    if (max && after.gt(max)) out.push({ limit, key, max, after });
  };
  test("CLIENT_CREDIT", accountId, i.clientDebt, i.clientLimit);
  test("SYMBOL", i.symbol, i.symbolLending, i.symbolLimit);
  test("SECTOR", i.sector, i.sectorLending, i.sectorLimit);
  return out;
}
