// Demo client accounts: codes, client names, KYC levels, holdings and the cash/debt that puts
// each account at a drawn coverage ratio A / D (R1). Most books are healthy, some sit near the
// warning line and a few are in deep trouble, so the desk has something to act on from the
// first minute. Pure; all randomness comes from the Prng passed in.
import type { DemoAccount, DemoPosition, DemoSymbol } from "./demo-book-types";
import { roundTo, drawBoundedLogNormal } from "./demo-symbols";
import { GIVEN_NAME_CHARS, SURNAMES } from "./demo-vocabulary";
import type { Prng } from "../../server/prng";

interface RiskBucket {
  share: number;
  /** Target coverage ratio A / D; null for an account without debt. */
  drawCoverage: (rng: Prng) => number | null;
  /** Share of assets held as cash. */
  drawCashShare: (rng: Prng) => number;
  /** Mean log of avgCost / price: accounts in trouble mostly bought higher. */
  costDrift: number;
}

const drawLogUniform = (rng: Prng, lo: number, hi: number): number => Math.exp(rng.uniform(Math.log(lo), Math.log(hi)));
const drawLeanCash = (rng: Prng): number => (rng.chance(0.7) ? 0 : rng.uniform(0, 0.03));

// Coverage 1.5 is leverage 3x, 1.3 is 4.3x, 1.2 is 6x, 1.05 is 21x (leverage = CR / (CR - 1)).
const RISK_BUCKETS: readonly RiskBucket[] = [
  { share: 0.08, drawCoverage: () => null, drawCashShare: (rng) => rng.uniform(0.02, 0.35), costDrift: -0.02 },
  {
    share: 0.74,
    // Mostly 1.5..3.2 (leverage 1.45..3x), with a conservative tail out to 6 (1.2x).
    drawCoverage: (rng) => (rng.chance(0.12) ? drawLogUniform(rng, 3.2, 6) : drawLogUniform(rng, 1.5, 3.2)),
    drawCashShare: (rng) => (rng.chance(0.3) ? 0 : rng.uniform(0, 0.1)),
    costDrift: -0.01,
  },
  { share: 0.13, drawCoverage: (rng) => rng.uniform(1.3, 1.5), drawCashShare: drawLeanCash, costDrift: 0.05 },
  { share: 0.035, drawCoverage: (rng) => rng.uniform(1.2, 1.3), drawCashShare: drawLeanCash, costDrift: 0.1 },
  { share: 0.015, drawCoverage: (rng) => rng.uniform(1.05, 1.2), drawCashShare: drawLeanCash, costDrift: 0.18 },
];

const KYC_WEIGHTS = [0.2, 0.55, 0.25]; // levels 1, 2, 3
const EQUITY_MEDIAN_BY_KYC = [1e5, 3e5, 1e6]; // CNY; higher verification, larger accounts
const POSITION_COUNT_WEIGHTS = [10, 18, 20, 17, 13, 10, 7, 5]; // 1..8 positions

function drawClientName(rng: Prng): string {
  const given = rng.chance(0.3)
    ? rng.pickOne(GIVEN_NAME_CHARS)
    : `${rng.pickOne(GIVEN_NAME_CHARS)}${rng.pickOne(GIVEN_NAME_CHARS)}`;
  return `${rng.pickOne(SURNAMES)}${given}`;
}

/** Cumulative popularity: well-traded names are held by more clients. */
function buildPopularity(symbols: readonly DemoSymbol[]): number[] {
  const cumulative: number[] = [];
  let total = 0;
  for (const s of symbols) {
    total += Math.sqrt(s.avgDailyValue);
    cumulative.push(total);
  }
  return cumulative;
}

function pickPopularIndex(rng: Prng, cumulative: readonly number[]): number {
  const total = cumulative[cumulative.length - 1] ?? 0;
  const target = rng.next() * total;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((cumulative[mid] ?? 0) > target) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function pickHoldings(rng: Prng, count: number, cumulative: readonly number[]): number[] {
  const chosen = new Set<number>();
  for (let attempt = 0; chosen.size < count && attempt < count * 20; attempt += 1) {
    chosen.add(pickPopularIndex(rng, cumulative));
  }
  // Tiny universes only: fill up in order rather than loop on rejections.
  for (let i = 0; chosen.size < count && i < cumulative.length; i += 1) chosen.add(i);
  return [...chosen];
}

interface Holdings {
  positions: DemoPosition[];
  marketValue: number; // at prevClose, after rounding to whole lots
}

function drawHoldings(
  rng: Prng,
  symbols: readonly DemoSymbol[],
  cumulative: readonly number[],
  targetValue: number,
  costDrift: number,
): Holdings {
  const count = Math.min(symbols.length, 1 + rng.pickWeightedIndex(POSITION_COUNT_WEIGHTS));
  const picks = pickHoldings(rng, count, cumulative);
  const weights = picks.map(() => Math.exp(0.6 * rng.normal()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  let marketValue = 0;
  const positions = picks.map((index, k): DemoPosition => {
    const symbol = symbols[index];
    if (!symbol) throw new Error("drawHoldings: symbol index out of range");
    const lot = symbol.lotSize;
    const target = (targetValue * (weights[k] ?? 0)) / weightSum;
    const qty = Math.max(1, Math.round(target / (symbol.prevClose * lot))) * lot;
    marketValue += qty * symbol.prevClose;
    const avgCost = symbol.prevClose * Math.exp(costDrift + 0.08 * rng.normal());
    return { symbolCode: symbol.code, qty, avgCost: Math.max(0.01, roundTo(avgCost, 4)) };
  });
  return { positions, marketValue };
}

function drawAccount(
  rng: Prng,
  code: string,
  symbols: readonly DemoSymbol[],
  cumulative: readonly number[],
): DemoAccount {
  const bucket = RISK_BUCKETS[rng.pickWeightedIndex(RISK_BUCKETS.map((b) => b.share))];
  if (!bucket) throw new Error("drawAccount: no risk bucket");
  const kycLevel = 1 + rng.pickWeightedIndex(KYC_WEIGHTS);
  const clientName = drawClientName(rng);
  const equityTarget = drawBoundedLogNormal(rng, EQUITY_MEDIAN_BY_KYC[kycLevel - 1] ?? 3e5, 0.8, 2e4, 2e7);
  const coverage = bucket.drawCoverage(rng);
  const leverage = coverage === null ? 1 : coverage / (coverage - 1);
  const assetsTarget = equityTarget * leverage;
  const cashShare = bucket.drawCashShare(rng);
  const { positions, marketValue } = drawHoldings(
    rng,
    symbols,
    cumulative,
    assetsTarget * (1 - cashShare),
    bucket.costDrift,
  );
  // Whole lots move the market value off target; debt is set from the actual assets so the
  // drawn coverage ratio holds exactly (to the cent).
  const cash = roundTo(assetsTarget * cashShare, 2);
  const debt = coverage === null ? 0 : roundTo((cash + marketValue) / coverage, 2);
  return { code, clientName, kycLevel, cash, debt, positions };
}

/** Draws `count` accounts holding `symbols`; codes ascend (issued in sequence, with gaps). */
export function generateAccounts(rng: Prng, symbols: readonly DemoSymbol[], count: number): DemoAccount[] {
  if (count > 0 && symbols.length === 0) throw new RangeError("demo book: accounts need at least one symbol");
  if (count > 899_999) throw new RangeError(`demo book: ${count} accounts exceed the MD + 6-digit code space`);
  const cumulative = buildPopularity(symbols);
  // Closed accounts leave gaps in the sequence; keep the last code within six digits.
  const maxGap = Math.max(1, Math.min(7, Math.floor(899_999 / Math.max(1, count))));
  const accounts: DemoAccount[] = [];
  let serial = 100_000;
  for (let i = 0; i < count; i += 1) {
    serial += rng.int(1, maxGap);
    accounts.push(drawAccount(rng, `MD${serial}`, symbols, cumulative));
  }
  return accounts;
}
