// Generated books for bench-engine: S symbols and N accounts with P positions each, drawn from a
// fixed-seed PRNG so runs are comparable. Coverage ratios are spread so every status occurs.
import {
  buildBookColumns,
  type AccountRow,
  type BookColumns,
  type SymbolRow,
} from "../server/risk/engine/book-columns";
import type { MarketVectors } from "../server/risk/engine/revalue-book";

export type { BookColumns, MarketVectors };

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateBenchBook(opts: { symbols: number; accounts: number; positions: number; seed: number }) {
  const rnd = mulberry32(opts.seed);
  const symbols: SymbolRow[] = Array.from({ length: opts.symbols }, (_, i) => ({
    code: `${String(600000 + i).padStart(6, "0")}.SH`,
    assetClass: rnd() < 0.3 ? "GROWTH" : "MAIN_BOARD",
    liquidityTier: rnd() < 0.2 ? "T1" : rnd() < 0.6 ? "T2" : "T3",
    avgDailyValue: Math.exp(17 + rnd() * 5), // ~2.4e7 .. 3.6e9 CNY
    prevClose: 3 + rnd() * 100,
  }));
  const accounts: AccountRow[] = Array.from({ length: opts.accounts }, (_, a) => {
    const chosen = new Set<number>();
    while (chosen.size < opts.positions) chosen.add(Math.floor(rnd() * opts.symbols));
    const positions = [...chosen].map((s) => ({
      symbol: symbols[s]?.code ?? "",
      qty: (1 + Math.floor(rnd() * 50)) * 100,
    }));
    const mv = positions.reduce((sum, p, i) => sum + p.qty * (symbols[[...chosen][i] ?? 0]?.prevClose ?? 0), 0);
    const coverage = 1.05 + rnd() * 2.5; // A / D
    const debt = rnd() < 0.08 ? 0 : mv / (coverage - 0.0);
    return {
      id: `A${String(a).padStart(7, "0")}`,
      cash: Math.round(rnd() * 0.05 * mv),
      debt: Math.round(debt),
      positions,
    };
  });
  const book = buildBookColumns(symbols, accounts);
  const n = book.symbols.length;
  const mkt: MarketVectors = {
    prices: Float64Array.from(book.symbols.map((code) => symbols.find((s) => s.code === code)?.prevClose ?? 0)),
    sigmas: Float64Array.from({ length: n }, () => 0.0005 + rnd() * 0.003),
    multipliers: new Float64Array(n).fill(1),
  };
  return { book, mkt, rnd };
}
