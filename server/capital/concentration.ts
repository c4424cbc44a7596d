// C3 concentration: exposure by symbol and by sector with shares, the top-N share and the
// Herfindahl-Hirschman index (sum of squared shares: 1 = everything in one name, 1/n = n equal names).

export interface ExposureItem {
  symbol: string;
  sector: string;
  notional: number;
}

export interface Bucket {
  key: string;
  notional: number;
  share: number;
}

export interface ConcentrationResult {
  total: number;
  bySymbol: Bucket[];
  bySector: Bucket[];
  topShare: number;
  topN: number;
  hhiSymbol: number;
  hhiSector: number;
}

function buckets(items: readonly ExposureItem[], key: (i: ExposureItem) => string, total: number): Bucket[] {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + i.notional);
  return [...m]
    .map(([k, notional]) => ({ key: k, notional, share: total > 0 ? notional / total : 0 }))
    .sort((a, b) => b.notional - a.notional || a.key.localeCompare(b.key));
}

export function hhi(shares: readonly number[]): number {
  return shares.reduce((a, s) => a + s * s, 0);
}

export function measureConcentration(items: readonly ExposureItem[], topN = 10): ConcentrationResult {
  for (const i of items)
    if (!(i.notional >= 0)) throw new RangeError(`exposure of ${i.symbol} must be a finite amount >= 0`);
  const total = items.reduce((a, i) => a + i.notional, 0);
  const bySymbol = buckets(items, (i) => i.symbol, total);
  const bySector = buckets(items, (i) => i.sector, total);
  return {
    total,
    bySymbol,
    bySector,
    topN,
    topShare: bySymbol.slice(0, topN).reduce((a, b) => a + b.share, 0),
    hhiSymbol: hhi(bySymbol.map((b) => b.share)),
    hhiSector: hhi(bySector.map((b) => b.share)),
  };
}
