// The baseline for bench-engine's revalue figure: the same arithmetic as the engine's revalue +
// classify (R1-R3) written as the plainest columnar loop a person would write by hand: per-symbol
// rates hoisted, the size tiers as two typed arrays, numeric status codes, no helpers and no
// abstraction. The engine's revalue is compared with this in the same run.
import type { BookColumns, MarketVectors } from "./bench-engine-book";
import type { RiskParams } from "../server/risk/margin/risk-params";

export interface PlainFigures {
  marketValue: Float64Array;
  equity: Float64Array;
  maintenance: Float64Array;
  initial: Float64Array;
  marginLevel: Float64Array;
  status: Uint8Array;
  counts: Int32Array;
}

export function plainRevalue(book: BookColumns, mkt: MarketVectors, params: RiskParams): PlainFigures {
  const nSym = book.symbols.length;
  const rate = new Float64Array(nSym);
  const floor = new Float64Array(nSym);
  for (let s = 0; s < nSym; s += 1) {
    const cls = book.assetClass[s] ?? "";
    const b = params.base[cls] ?? 1;
    const ref = params.sigmaRef[cls];
    const liq = params.liquidityMultiplier[book.liquidityTier[s] ?? ""] ?? 1;
    floor[s] = b;
    rate[s] = b * liq * (ref === undefined ? 1 : Math.max(1, (mkt.sigmas[s] ?? 0) / ref));
  }
  const nT = params.sizeTiers.length;
  const tb = new Float64Array(nT);
  const tm = new Float64Array(nT);
  params.sizeTiers.forEach(([b, m], i) => {
    tb[i] = b ?? Infinity;
    tm[i] = m;
  });
  const lastMult = nT > 0 ? tm[nT - 1]! : 1;
  const imMult = params.imMultiplier;
  const { warning, liquidation, hardFloor } = params.lines;
  const n = book.accountIds.length;
  const mvOut = new Float64Array(n);
  const eqOut = new Float64Array(n);
  const mmOut = new Float64Array(n);
  const imOut = new Float64Array(n);
  const mlOut = new Float64Array(n);
  const stOut = new Uint8Array(n);
  const counts = new Int32Array(4);
  const { posStart, posSym, posQty, adv, cash, debt } = book;
  const prices = mkt.prices;
  const mults = mkt.multipliers;
  for (let a = 0; a < n; a += 1) {
    let mv = 0;
    let mm = 0;
    let im = 0;
    const end = posStart[a + 1]!;
    for (let k = posStart[a]!; k < end; k += 1) {
      const s = posSym[k]!;
      const value = posQty[k]! * prices[s]!;
      const advS = adv[s]!;
      const share = advS > 0 ? value / advS : value > 0 ? Infinity : 0;
      let size = lastMult;
      for (let t = 0; t < nT; t += 1) {
        if (share <= tb[t]!) {
          size = tm[t]!;
          break;
        }
      }
      const b = floor[s]!;
      let m = rate[s]! * size * mults[s]!;
      if (m < b) m = b;
      else if (m > 1) m = 1;
      const imr = m * imMult;
      mv += value;
      mm += value * m;
      im += value * (imr < 1 ? imr : 1);
    }
    const d = debt[a]!;
    const e = cash[a]! + mv - d;
    const ml = mm > 0 ? e / mm : NaN;
    const st = d > 0 && e <= 0 ? 3 : mm > 0 ? (ml < hardFloor ? 3 : ml < liquidation ? 2 : ml < warning ? 1 : 0) : 0;
    mvOut[a] = mv;
    eqOut[a] = e;
    mmOut[a] = mm;
    imOut[a] = im;
    mlOut[a] = ml;
    stOut[a] = st;
    counts[st]! += 1;
  }
  return {
    marketValue: mvOut,
    equity: eqOut,
    maintenance: mmOut,
    initial: imOut,
    marginLevel: mlOut,
    status: stOut,
    counts,
  };
}
