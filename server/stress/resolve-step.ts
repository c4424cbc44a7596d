// Applies a scenario step to a book's symbols (T1 -> T2): each symbol's return (symbol override, the
// SP2001 cross-section by sector and nearest beta, the sector's return, or beta x index), the A-share
// price limits (10% main board, 20% growth board: a fall reaching the limit closes limit-down and
// cannot be sold), the step's share of limit-down symbols (the hardest hit first) and of suspended
// symbols (the least liquid first: in 2015 small caps suspended themselves).
import type { CrossSectionEntry, ScenarioStep } from "./scenario-types";
import type { ResolvedStep, StressBook } from "./stress-book";

export function priceLimitOf(assetClass: string): number {
  return assetClass === "GROWTH" ? 0.2 : 0.1;
}

/** Nearest beta in the symbol's sector (all entries when the sector has none); ties: lower code. */
export function pickCrossSection(
  entries: readonly CrossSectionEntry[],
  sector: string,
  beta: number,
): CrossSectionEntry | undefined {
  const inSector = entries.filter((e) => e.sector === sector);
  const pool = inSector.length > 0 ? inSector : entries;
  let best: CrossSectionEntry | undefined;
  for (const e of pool) {
    const d = Math.abs(e.beta - beta);
    const bd = best ? Math.abs(best.beta - beta) : Infinity;
    if (d < bd || (d === bd && best && e.code < best.code)) best = e;
  }
  return best;
}

function byOrder(n: number, key: (s: number) => number): number[] {
  return Array.from({ length: n }, (_, s) => s).sort((a, b) => key(a) - key(b) || a - b);
}

export function resolveStep(step: ScenarioStep, sb: StressBook): ResolvedStep {
  const { book } = sb;
  const n = book.symbols.length;
  const returns = new Float64Array(n);
  const suspended = new Uint8Array(n);
  const limitDown = new Uint8Array(n);
  const sectorCache = new Map<string, CrossSectionEntry[]>();
  for (let s = 0; s < n; s += 1) {
    const code = book.symbols[s] ?? "";
    const sector = sb.sector[s] ?? "";
    const beta = sb.beta[s] ?? 1;
    let r: number;
    const own = step.symbolReturns && Object.hasOwn(step.symbolReturns, code) ? step.symbolReturns[code] : undefined;
    const sec =
      step.sectorReturns && Object.hasOwn(step.sectorReturns, sector) ? step.sectorReturns[sector] : undefined;
    if (own !== undefined) r = own;
    else if (step.crossSection) {
      let list = sectorCache.get(sector);
      if (!list) {
        list = step.crossSection.filter((e) => e.sector === sector);
        sectorCache.set(sector, list);
      }
      r = pickCrossSection(list.length > 0 ? list : step.crossSection, sector, beta)?.ret ?? step.indexReturn;
    } else if (sec !== undefined) r = sec;
    else r = step.correlationToOne ? step.indexReturn : beta * step.indexReturn;
    // A price never falls below zero whatever beta says.
    returns[s] = Math.max(-0.99, r);
  }
  const limits = step.priceLimits || step.limitDownShare !== undefined;
  if (limits) {
    for (let s = 0; s < n; s += 1) {
      const lim = priceLimitOf(book.assetClass[s] ?? "");
      const r = returns[s] ?? 0;
      if (r <= -lim) {
        returns[s] = -lim;
        limitDown[s] = 1;
      } else if (r > lim) returns[s] = lim;
    }
  }
  if (step.limitDownShare) {
    const k = Math.round(step.limitDownShare * n);
    for (const s of byOrder(n, (i) => returns[i] ?? 0).slice(0, k)) {
      returns[s] = -priceLimitOf(book.assetClass[s] ?? "");
      limitDown[s] = 1;
    }
  }
  const susp = Math.round((step.suspendedShare ?? 0) * n);
  for (const s of byOrder(n, (i) => book.adv[i] ?? 0).slice(0, susp)) suspended[s] = 1;
  for (let s = 0; s < n; s += 1) {
    if (sb.suspended[s]) suspended[s] = 1;
    if (suspended[s]) {
      returns[s] = 0; // a suspended symbol keeps its last price
      limitDown[s] = 0;
    }
  }
  return {
    label: step.label,
    minutes: step.minutes,
    indexReturn: step.indexReturn,
    returns,
    suspended,
    limitDown,
    volumeFactor: step.volumeFactor ?? 1,
    volMultiplier: step.volMultiplier ?? 1,
  };
}
