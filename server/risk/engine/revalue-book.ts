// R4 revalue + classify over the columnar book. The expressions and their order are those of
// evaluatePosition / evaluateAccount (../margin/margin-model.ts), so each account's figures and
// status equal the pure model's exactly (property-tested against it and against a plain reference).
//
// The per-position loop is the tick's hot path (1,000,000 positions a minute at the design's
// size), so it touches only typed arrays of known length: everything that depends on the symbol
// alone (base, L * V, price, M6 multiplier) is hoisted into per-symbol vectors once per tick, the
// size tiers become two Float64Arrays, the status is a numeric code. No `??`, Map lookup, string
// key, tuple destructuring or allocation per position: V8 keeps the loop monomorphic and unboxed.
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

/** Per-symbol factors of one tick, each of length nSym (missing inputs already defaulted). */
export interface SymbolFactors {
  /** base[class] * L[tier] * V: the part of m_i before the size tier and M6, in the model's order. */
  rate: Float64Array;
  /** base[class], the clamp floor. */
  floor: Float64Array;
  price: Float64Array;
  adv: Float64Array;
  k: Float64Array;
}

function own(record: Record<string, number>, key: string): number | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function symbolFactors(book: BookColumns, mkt: MarketVectors, params: RiskParams): SymbolFactors {
  const nSym = book.symbols.length;
  const f: SymbolFactors = {
    rate: new Float64Array(nSym),
    floor: new Float64Array(nSym),
    price: new Float64Array(nSym),
    adv: new Float64Array(nSym),
    k: new Float64Array(nSym),
  };
  for (let s = 0; s < nSym; s += 1) {
    const cls = book.assetClass[s] ?? "";
    // A class or tier the parameters do not know is margined at 100% (validation prevents it).
    const b = own(params.base, cls) ?? 1;
    const ref = own(params.sigmaRef, cls);
    const liq = own(params.liquidityMultiplier, book.liquidityTier[s] ?? "") ?? 1;
    const vol = ref === undefined ? 1 : Math.max(1, (mkt.sigmas[s] ?? 0) / ref);
    f.floor[s] = b;
    f.rate[s] = b * liq * vol;
    f.price[s] = mkt.prices[s] ?? 0;
    f.adv[s] = book.adv[s] ?? 0;
    f.k[s] = mkt.multipliers[s] ?? 1;
  }
  return f;
}

export function revalueBook(book: BookColumns, mkt: MarketVectors, params: RiskParams): BookFigures {
  const sym = symbolFactors(book, mkt, params);
  // Size tiers (R2): the first whose bound is >= the share; a null bound is infinity; past the
  // last finite bound the last multiplier applies (findSizeMultiplier).
  const nT = params.sizeTiers.length;
  const tierBound = new Float64Array(nT);
  const tierMult = new Float64Array(nT);
  for (let t = 0; t < nT; t += 1) {
    const [bound, mult] = params.sizeTiers[t] ?? [null, 1];
    tierBound[t] = bound ?? Infinity;
    tierMult[t] = mult;
  }
  const lastMult = nT > 0 ? (tierMult[nT - 1] as number) : 1;
  const imMult = params.imMultiplier;
  const { hardFloor, liquidation, warning } = params.lines;

  const n = book.accountIds.length;
  const mvOut = new Float64Array(n);
  const eqOut = new Float64Array(n);
  const mmOut = new Float64Array(n);
  const imOut = new Float64Array(n);
  const mlOut = new Float64Array(n);
  const stOut = new Uint8Array(n);
  let c0 = 0;
  let c1 = 0;
  let c2 = 0;
  let c3 = 0;
  const { rate, floor, price, adv, k: kArr } = sym;
  const { posStart, posSym, posQty, cash, debt } = book;
  if (posStart.length < n + 1 || cash.length < n || debt.length < n) {
    throw new Error(`revalueBook: the book's account columns are shorter than its ${n} accounts`);
  }
  for (let a = 0; a < n; a += 1) {
    let mv = 0;
    let mm = 0;
    let im = 0;
    const end = posStart[a + 1] as number;
    for (let p = posStart[a] as number; p < end; p += 1) {
      const s = posSym[p] as number;
      const value = (posQty[p] as number) * (price[s] as number);
      const advS = adv[s] as number;
      const share = advS > 0 ? value / advS : value > 0 ? Infinity : 0;
      let size = lastMult;
      for (let t = 0; t < nT; t += 1) {
        if (share <= (tierBound[t] as number)) {
          size = tierMult[t] as number;
          break;
        }
      }
      const b = floor[s] as number;
      const raw = (rate[s] as number) * size * (kArr[s] as number);
      const m = raw < b ? b : raw > 1 ? 1 : raw;
      const imRate = m * imMult;
      mv += value;
      mm += value * m;
      im += value * Math.min(1, imRate);
    }
    const d = debt[a] as number;
    const equity = (cash[a] as number) + mv - d;
    const ml = mm > 0 ? equity / mm : NaN;
    // classifyStatus (R3) on codes: E <= 0 with debt, then the lines; no margin required is healthy.
    let st = 0;
    if (d > 0 && equity <= 0) st = 3;
    else if (mm > 0) st = ml < hardFloor ? 3 : ml < liquidation ? 2 : ml < warning ? 1 : 0;
    mvOut[a] = mv;
    eqOut[a] = equity;
    mmOut[a] = mm;
    imOut[a] = im;
    mlOut[a] = ml;
    stOut[a] = st;
    if (st === 0) c0 += 1;
    else if (st === 1) c1 += 1;
    else if (st === 2) c2 += 1;
    else c3 += 1;
  }
  return {
    marketValue: mvOut,
    equity: eqOut,
    maintenance: mmOut,
    initial: imOut,
    marginLevel: mlOut,
    status: stOut,
    counts: { HEALTHY: c0, WARNING: c1, LIQUIDATION: c2, HARD_FLOOR: c3 },
  };
}
