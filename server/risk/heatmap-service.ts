// The margin heatmap (R9): accounts grouped by the sector of their largest exposure, colored by
// margin level; and symbols colored by the stress of the accounts holding them (the share of the
// symbol's held value that sits in accounts below the warning line, and the value-weighted
// margin level of its holders).
import { statusOfCode } from "./engine/revalue-book";
import { getLiveEngine, type RiskReadDeps } from "./live-book";

export async function buildHeatmap(deps: RiskReadDeps) {
  const engine = await getLiveEngine(deps);
  const live = engine.liveFigures();
  if (!live) return null;
  const { book, figures, prices } = live;
  const symbolRows = await deps.prisma.symbol.findMany({ select: { code: true, name: true, sector: true } });
  const info = new Map(symbolRows.map((s) => [s.code, s]));
  const accountRows = await deps.prisma.account.findMany({ select: { id: true, code: true } });
  const codes = new Map(accountRows.map((a) => [a.id, a.code]));

  const nSym = book.symbols.length;
  const held = new Float64Array(nSym);
  const stressed = new Float64Array(nSym);
  const mlWeighted = new Float64Array(nSym);
  const mlWeight = new Float64Array(nSym);
  const holders = new Int32Array(nSym);
  const sectors = new Map<
    string,
    Array<{ id: string; code: string; marginLevel: number | null; status: string; marketValue: number; symbol: string }>
  >();

  for (let a = 0; a < book.accountIds.length; a += 1) {
    const status = figures.status[a] ?? 0;
    const mlRaw = figures.marginLevel[a] ?? NaN;
    let topSym = -1;
    let topValue = -1;
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const s = book.posSym[k] ?? 0;
      const value = (book.posQty[k] ?? 0) * (prices[s] ?? 0);
      held[s] = (held[s] ?? 0) + value;
      holders[s] = (holders[s] ?? 0) + 1;
      if (status > 0) stressed[s] = (stressed[s] ?? 0) + value;
      if (!Number.isNaN(mlRaw)) {
        // Capped so one deleveraged holder does not hide the others.
        mlWeighted[s] = (mlWeighted[s] ?? 0) + value * Math.min(mlRaw, 5);
        mlWeight[s] = (mlWeight[s] ?? 0) + value;
      }
      if (value > topValue) {
        topValue = value;
        topSym = s;
      }
    }
    if (topSym < 0) continue;
    const symbol = book.symbols[topSym] ?? "";
    const sector = info.get(symbol)?.sector ?? "—";
    const id = book.accountIds[a] ?? "";
    const list = sectors.get(sector) ?? [];
    list.push({
      id,
      code: codes.get(id) ?? id,
      marginLevel: Number.isNaN(mlRaw) ? null : mlRaw,
      status: statusOfCode(status),
      marketValue: figures.marketValue[a] ?? 0,
      symbol,
    });
    sectors.set(sector, list);
  }
  const mlKey = (v: number | null) => (v === null ? Infinity : v);
  return {
    minuteTs: live.minuteTs,
    paramVersion: live.version,
    lines: engine.currentParams().params.lines,
    sectors: [...sectors.entries()]
      .map(([sector, accounts]) => ({
        sector,
        accounts: accounts.sort((x, y) => mlKey(x.marginLevel) - mlKey(y.marginLevel)),
      }))
      .sort((x, y) => x.sector.localeCompare(y.sector)),
    symbols: book.symbols
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
      .sort((x, y) => y.stressShare - x.stressShare || y.heldValue - x.heldValue),
  };
}
