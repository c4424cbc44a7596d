// R4 revalue + classify over the columnar book. The expressions and their order are those of
// evaluatePosition / evaluateAccount (../margin/margin-model.ts), so each account's figures and
// status equal the pure model's exactly; per-symbol factors are computed once per tick.
import { clampRate, classifyStatus, findSizeMultiplier } from "../margin/margin-model";
import { RISK_STATUSES, type RiskParams, type RiskStatus } from "../margin/risk-params";
import type { BookColumns } from "./book-columns";

export const STATUS_CODE: Record<RiskStatus, number> = { HEALTHY: 0, WARNING: 1, LIQUIDATION: 2, HARD_FLOOR: 3 };
export const statusOfCode = (c: number): RiskStatus => RISK_STATUSES[c] ?? "HEALTHY";

export interface MarketVectors {
  prices: Float64Array; // per symbol, book order
  sigmas: Float64Array;
  multipliers: Float64Array; // M6, 1 when none
}

export interface BookFigures {
  marketValue: Float64Array;
  equity: Float64Array;
  maintenance: Float64Array;
  initial: Float64Array;
  marginLevel: Float64Array; // NaN = null (no margin required)
  status: Uint8Array;
  counts: Record<RiskStatus, number>;
}

export function revalueBook(book: BookColumns, mkt: MarketVectors, params: RiskParams): BookFigures {
  const nSym = book.symbols.length;
  const base = new Float64Array(nSym);
  const liq = new Float64Array(nSym);
  const vol = new Float64Array(nSym);
  for (let s = 0; s < nSym; s += 1) {
    const cls = book.assetClass[s] ?? "";
    // A class or tier the parameters do not know is margined at 100% (validation prevents it).
    const b = params.base[cls];
    const ref = params.sigmaRef[cls];
    base[s] = b ?? 1;
    liq[s] = params.liquidityMultiplier[book.liquidityTier[s] ?? ""] ?? 1;
    vol[s] = ref === undefined ? 1 : Math.max(1, (mkt.sigmas[s] ?? 0) / ref);
  }
  const tiers = params.sizeTiers;
  const imMult = params.imMultiplier;
  const lines = params.lines;
  const n = book.accountIds.length;
  const out: BookFigures = {
    marketValue: new Float64Array(n),
    equity: new Float64Array(n),
    maintenance: new Float64Array(n),
    initial: new Float64Array(n),
    marginLevel: new Float64Array(n),
    status: new Uint8Array(n),
    counts: { HEALTHY: 0, WARNING: 0, LIQUIDATION: 0, HARD_FLOOR: 0 },
  };
  const { posStart, posSym, posQty, adv } = book;
  for (let a = 0; a < n; a += 1) {
    let mv = 0;
    let mm = 0;
    let im = 0;
    const end = posStart[a + 1] ?? 0;
    for (let k = posStart[a] ?? 0; k < end; k += 1) {
      const s = posSym[k] ?? 0;
      const value = (posQty[k] ?? 0) * (mkt.prices[s] ?? 0);
      const advS = adv[s] ?? 0;
      const share = advS > 0 ? value / advS : value > 0 ? Infinity : 0;
      const b = base[s] ?? 1;
      const m = clampRate(
        b * (liq[s] ?? 1) * (vol[s] ?? 1) * findSizeMultiplier(tiers, share) * (mkt.multipliers[s] ?? 1),
        b,
      );
      mv += value;
      mm += value * m;
      im += value * Math.min(1, m * imMult);
    }
    const debt = book.debt[a] ?? 0;
    const equity = (book.cash[a] ?? 0) + mv - debt;
    const ml = mm > 0 ? equity / mm : null;
    const status = classifyStatus(equity, debt, ml, lines);
    out.marketValue[a] = mv;
    out.equity[a] = equity;
    out.maintenance[a] = mm;
    out.initial[a] = im;
    out.marginLevel[a] = ml ?? NaN;
    out.status[a] = STATUS_CODE[status];
    out.counts[status] += 1;
  }
  return out;
}
