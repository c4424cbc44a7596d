// The margin heatmap (R9), aggregated on the server: accounts grouped by the sector of their largest
// exposure and by margin-level band (the lines of the live parameters), one cell per sector and
// band with its count and market value, so the page gets a few hundred numbers whatever the book's
// size; a cell drills down to its worst accounts. Symbols are colored by the stress of the accounts
// holding them (the share of the symbol's held value in accounts below the warning line, and the
// value-weighted margin level of its holders). Aggregated once per risk tick and cached on it.
import type { BookColumns } from "./engine/book-columns";
import type { BookFigures } from "./engine/revalue-book";
import { statusOfCode } from "./engine/revalue-book";
import { bandOf, HEAT_BANDS, type HeatBand, type HeatLines } from "./heat-bands";
import { getLiveEngine, type RiskReadDeps } from "./live-book";

interface Aggregate {
  sectorNames: string[];
  accountSector: Int32Array; // -1: no position
  accountBand: Uint8Array;
  count: Int32Array; // [sector * 7 + band]
  value: Float64Array;
  symbols: Array<{
    code: string;
    name: string;
    sector: string;
    heldValue: number;
    holders: number;
    stressShare: number;
    holderMarginLevel: number | null;
  }>;
}

const cache = new WeakMap<BookFigures, Aggregate>();
const SYMBOLS_SHOWN = 120;

async function aggregate(
  deps: RiskReadDeps,
  book: BookColumns,
  figures: BookFigures,
  prices: Float64Array,
  lines: HeatLines,
): Promise<Aggregate> {
  const cached = cache.get(figures);
  if (cached) return cached;
  const symbolRows = await deps.prisma.symbol.findMany({ select: { code: true, name: true, sector: true } });
  const info = new Map(symbolRows.map((s) => [s.code, s]));
  const nSym = book.symbols.length;
  const sectorNames = [...new Set(book.symbols.map((c) => info.get(c)?.sector ?? "—"))].sort();
  const sectorIdx = new Map(sectorNames.map((s, i) => [s, i]));
  const symSector = Int32Array.from(book.symbols, (c) => sectorIdx.get(info.get(c)?.sector ?? "—") ?? 0);
  const held = new Float64Array(nSym);
  const stressed = new Float64Array(nSym);
  const mlWeighted = new Float64Array(nSym);
  const mlWeight = new Float64Array(nSym);
  const holders = new Int32Array(nSym);
  const n = book.accountIds.length;
  const accountSector = new Int32Array(n).fill(-1);
  const accountBand = new Uint8Array(n);
  const count = new Int32Array(sectorNames.length * HEAT_BANDS.length);
  const value = new Float64Array(sectorNames.length * HEAT_BANDS.length);
  for (let a = 0; a < n; a += 1) {
    const status = figures.status[a] ?? 0;
    const ml = figures.marginLevel[a] ?? NaN;
    let topSym = -1;
    let topValue = -1;
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const s = book.posSym[k] ?? 0;
      const v = (book.posQty[k] ?? 0) * (prices[s] ?? 0);
      held[s] = (held[s] ?? 0) + v;
      holders[s] = (holders[s] ?? 0) + 1;
      if (status > 0) stressed[s] = (stressed[s] ?? 0) + v;
      if (!Number.isNaN(ml)) {
        // Capped so one deleveraged holder does not hide the others.
        mlWeighted[s] = (mlWeighted[s] ?? 0) + v * Math.min(ml, 5);
        mlWeight[s] = (mlWeight[s] ?? 0) + v;
      }
      if (v > topValue) {
        topValue = v;
        topSym = s;
      }
    }
    if (topSym < 0) continue;
    const sector = symSector[topSym] ?? 0;
    const band = bandOf(ml, lines);
    accountSector[a] = sector;
    accountBand[a] = band;
    const cell = sector * HEAT_BANDS.length + band;
    count[cell] = (count[cell] ?? 0) + 1;
    value[cell] = (value[cell] ?? 0) + (figures.marketValue[a] ?? 0);
  }
  const symbols = book.symbols
    .map((code, s) => ({
      code,
      name: info.get(code)?.name ?? code,
      sector: info.get(code)?.sector ?? "—",
      heldValue: held[s] ?? 0,
      holders: holders[s] ?? 0,
      stressShare: (held[s] ?? 0) > 0 ? (stressed[s] ?? 0) / (held[s] ?? 1) : 0,
      holderMarginLevel: (mlWeight[s] ?? 0) > 0 ? (mlWeighted[s] ?? 0) / (mlWeight[s] ?? 1) : null,
    }))
    .filter((s) => s.holders > 0)
    .sort((x, y) => y.stressShare - x.stressShare || y.heldValue - x.heldValue);
  const result = { sectorNames, accountSector, accountBand, count, value, symbols };
  cache.set(figures, result);
  return result;
}

async function liveAggregate(deps: RiskReadDeps) {
  const engine = await getLiveEngine(deps);
  const live = engine.liveFigures();
  if (!live) return null;
  const lines = engine.currentParams().params.lines;
  const agg = await aggregate(deps, live.book, live.figures, live.prices, lines);
  return { live, lines, agg };
}

export async function buildHeatmap(deps: RiskReadDeps) {
  const got = await liveAggregate(deps);
  if (!got) return null;
  const { live, lines, agg } = got;
  const sectors = agg.sectorNames
    .map((sector, i) => {
      const cells = HEAT_BANDS.map((band, b) => ({
        band,
        count: agg.count[i * HEAT_BANDS.length + b] ?? 0,
        marketValue: agg.value[i * HEAT_BANDS.length + b] ?? 0,
      }));
      return { sector, accounts: cells.reduce((sum, c) => sum + c.count, 0), cells };
    })
    .filter((s) => s.accounts > 0);
  return {
    minuteTs: live.minuteTs,
    paramVersion: live.version,
    lines,
    sectors,
    symbols: agg.symbols.slice(0, SYMBOLS_SHOWN),
    symbolsTotal: agg.symbols.length,
  };
}

/** The accounts of one heatmap cell, worst margin level first (at most `limit`), and how many there are. */
export async function listHeatmapCell(deps: RiskReadDeps, input: { sector: string; band: HeatBand; limit: number }) {
  const got = await liveAggregate(deps);
  if (!got) return { accounts: [], total: 0 };
  const { live, agg } = got;
  const sector = agg.sectorNames.indexOf(input.sector);
  const band = HEAT_BANDS.indexOf(input.band);
  if (sector < 0) return { accounts: [], total: 0 };
  const members: number[] = [];
  for (let a = 0; a < agg.accountSector.length; a += 1)
    if (agg.accountSector[a] === sector && agg.accountBand[a] === band) members.push(a);
  const ml = (a: number) => {
    const v = live.figures.marginLevel[a] ?? NaN;
    return Number.isNaN(v) ? Infinity : v;
  };
  members.sort((x, y) => ml(x) - ml(y));
  const shown = members.slice(0, input.limit);
  const ids = shown.map((a) => live.book.accountIds[a] ?? "");
  const rows = await deps.prisma.account.findMany({ where: { id: { in: ids } }, select: { id: true, code: true } });
  const codes = new Map(rows.map((r) => [r.id, r.code]));
  return {
    total: members.length,
    accounts: shown.map((a) => {
      const id = live.book.accountIds[a] ?? "";
      const v = live.figures.marginLevel[a] ?? NaN;
      return {
        id,
        code: codes.get(id) ?? id,
        marginLevel: Number.isNaN(v) ? null : v,
        status: statusOfCode(live.figures.status[a] ?? 0),
        marketValue: live.figures.marketValue[a] ?? 0,
      };
    }),
  };
}
