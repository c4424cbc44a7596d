// The demo A-share universe: exchange codes per board, company names, sectors, prices, turnover
// and the liquidity tiers R2 reads. Pure; all randomness comes from the Prng passed in.
import type { Board } from "../../server/market/types";
import type { DemoSymbol, LiquidityTier } from "./demo-book-types";
import { NAME_HEADS, NAME_TAILS, SECTORS, type SectorProfile } from "./demo-vocabulary";
import type { Prng } from "../../server/prng";

// Listing mix of the demo universe, close to the real exchanges by count of names.
const BOARD_SHARE: Readonly<Record<Exclude<Board, "MAIN">, number>> = { CHINEXT: 0.25, STAR: 0.15 };

interface CodeSeries {
  prefix: string;
  exchange: "SH" | "SZ";
}

// Primary series are the familiar ones; overflow series (also real) only open up once the
// primary ones are full, which takes thousands of symbols.
const CODE_SERIES: Readonly<Record<Board, { primary: CodeSeries[]; overflow: CodeSeries[] }>> = {
  MAIN: {
    primary: [
      { prefix: "600", exchange: "SH" },
      { prefix: "601", exchange: "SH" },
      { prefix: "603", exchange: "SH" },
      { prefix: "000", exchange: "SZ" },
      { prefix: "002", exchange: "SZ" },
    ],
    overflow: [
      { prefix: "605", exchange: "SH" },
      { prefix: "001", exchange: "SZ" },
      { prefix: "003", exchange: "SZ" },
    ],
  },
  CHINEXT: { primary: [{ prefix: "300", exchange: "SZ" }], overflow: [{ prefix: "301", exchange: "SZ" }] },
  STAR: { primary: [{ prefix: "688", exchange: "SH" }], overflow: [{ prefix: "689", exchange: "SH" }] },
};

const TIER_SHARE = { T1: 0.3, T2: 0.4 }; // T3 takes the rest
const SUSPENDED_SHARE = 0.01;
const MEDIAN_DAILY_VALUE = 5e8; // CNY

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** Lognormal draw kept inside [min, max] by redrawing (then clamping), so the bounds hold no lump. */
export function drawBoundedLogNormal(rng: Prng, median: number, sigma: number, min: number, max: number): number {
  for (let attempt = 0; attempt < 16; attempt += 1) {
    const x = rng.logNormal(median, sigma);
    if (x >= min && x <= max) return x;
  }
  return Math.min(max, Math.max(min, median));
}

function listSeriesCodes(series: CodeSeries[]): string[] {
  const codes: string[] = [];
  for (const s of series) {
    for (let n = 0; n < 1000; n += 1) codes.push(`${s.prefix}${String(n).padStart(3, "0")}.${s.exchange}`);
  }
  return codes;
}

// Partial Fisher-Yates: the first `count` entries of a random permutation of the pool.
function drawDistinct<T>(rng: Prng, pool: T[], count: number): T[] {
  for (let i = 0; i < count; i += 1) {
    const j = rng.int(i, pool.length - 1);
    const tmp = pool[i] as T; // i, j < pool.length: the casts only drop the index-access undefined
    pool[i] = pool[j] as T;
    pool[j] = tmp;
  }
  return pool.slice(0, count);
}

function drawCodes(rng: Prng, board: Board, count: number): string[] {
  const { primary, overflow } = CODE_SERIES[board];
  const primaryCodes = listSeriesCodes(primary);
  if (count <= primaryCodes.length) return drawDistinct(rng, primaryCodes, count);
  const overflowCodes = listSeriesCodes(overflow);
  const extra = count - primaryCodes.length;
  if (extra > overflowCodes.length) {
    throw new RangeError(
      `demo book: ${count} ${board} symbols exceed the ${primaryCodes.length + overflowCodes.length} codes available`,
    );
  }
  return [...primaryCodes, ...drawDistinct(rng, overflowCodes, extra)];
}

function drawCompanyName(rng: Prng, sector: SectorProfile, taken: Set<string>): string {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const head = rng.pickOne(NAME_HEADS);
    const tail = rng.pickOne(NAME_TAILS);
    if (head === tail) continue;
    const name = `${head}${tail}${rng.pickOne(sector.suffixes)}`;
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
  // Only reachable when a sector's ~10^4 names are nearly exhausted: number the duplicate.
  let n = 2;
  const base = `${rng.pickOne(NAME_HEADS)}${rng.pickOne(NAME_TAILS)}${rng.pickOne(sector.suffixes)}`;
  while (taken.has(`${base}${n}`)) n += 1;
  taken.add(`${base}${n}`);
  return `${base}${n}`;
}

function pickSector(rng: Prng, board: Board): SectorProfile {
  const index = rng.pickWeightedIndex(SECTORS.map((s) => s.boardWeight[board]));
  const sector = SECTORS[index];
  if (!sector) throw new Error("pickSector: index out of range");
  return sector;
}

function drawSymbol(rng: Prng, code: string, board: Board, sector: SectorProfile, names: Set<string>): DemoSymbol {
  const growth = board !== "MAIN";
  // Growth boards: higher beta, richer valuations, thinner trading per name.
  const betaMean = sector.beta + (growth ? 0.15 : 0);
  const priceMedian = sector.priceMedian * (growth ? 1.4 : 1);
  const valueMedian = MEDIAN_DAILY_VALUE * sector.turnoverScale * (growth ? 0.7 : 1);
  return {
    code,
    name: drawCompanyName(rng, sector, names),
    sector: sector.name,
    board,
    assetClass: growth ? "GROWTH" : "MAIN_BOARD",
    liquidityTier: "T3", // set from the rank of avgDailyValue once every symbol is drawn
    beta: roundTo(Math.min(1.6, Math.max(0.6, betaMean + 0.15 * rng.normal())), 2),
    prevClose: roundTo(drawBoundedLogNormal(rng, priceMedian, 0.7, 3, 300), 2),
    lotSize: 100,
    avgDailyValue: Math.round(drawBoundedLogNormal(rng, valueMedian, 0.9, 5e7, 5e9)),
    suspended: false,
  };
}

// Plain code-unit order: locale-independent, so the book is the same on every machine.
function compareCodes(a: DemoSymbol, b: DemoSymbol): number {
  return a.code < b.code ? -1 : a.code > b.code ? 1 : 0;
}

function assignLiquidityTiers(symbols: DemoSymbol[]): void {
  const byValue = [...symbols].sort((a, b) => b.avgDailyValue - a.avgDailyValue || compareCodes(a, b));
  const t1 = Math.round(symbols.length * TIER_SHARE.T1);
  const t2 = t1 + Math.round(symbols.length * TIER_SHARE.T2);
  byValue.forEach((s, rank) => {
    const tier: LiquidityTier = rank < t1 ? "T1" : rank < t2 ? "T2" : "T3";
    s.liquidityTier = tier;
  });
}

/** Draws `count` symbols: codes unique per board, names unique, sorted by code. */
export function generateSymbols(rng: Prng, count: number): DemoSymbol[] {
  const chinext = Math.round(count * BOARD_SHARE.CHINEXT);
  const star = Math.round(count * BOARD_SHARE.STAR);
  const main = count - chinext - star;
  const names = new Set<string>();
  const symbols: DemoSymbol[] = [];
  const boards: [Board, number][] = [
    ["MAIN", main],
    ["CHINEXT", chinext],
    ["STAR", star],
  ];
  for (const [board, n] of boards) {
    drawCodes(rng, board, n).forEach((code, i) => {
      // The first main-board names take one sector each, so every sector is listed.
      const forced = board === "MAIN" ? SECTORS[i] : undefined;
      symbols.push(drawSymbol(rng, code, board, forced ?? pickSector(rng, board), names));
    });
  }
  assignLiquidityTiers(symbols);
  const suspended = Math.round(count * SUSPENDED_SHARE);
  for (const s of drawDistinct(rng, [...symbols], suspended)) s.suspended = true;
  return symbols.sort(compareCodes);
}
