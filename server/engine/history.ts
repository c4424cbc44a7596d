// Builds the market simulator for the engine. On a database without bars (first start) it first
// runs the simulator over the last few hours in coarse steps and stores those bars, so charts
// have history to backfill; on later starts it continues from each symbol's last stored close.
import type { SqlSession } from "../db/connection";
import type { PrismaClient } from "../db/generated/client";
import { BarBuilder } from "../market/bars/bar-builder";
import { insertBars, loadLastCloses } from "../market/bar-store";
import { MarketSimulator } from "../market/simulator/market-simulator";
import type { Bar, SymbolSpec } from "../market/types";

const MINUTE_MS = 60_000;
const BACKFILL_STEP_MS = 5_000;

export async function loadSymbolSpecs(prisma: PrismaClient): Promise<SymbolSpec[]> {
  const rows = await prisma.symbol.findMany({ orderBy: { code: "asc" } });
  return rows.map((r) => ({
    code: r.code,
    name: r.name,
    sector: r.sector,
    board: r.board,
    beta: r.beta,
    prevClose: r.prevClose,
    lotSize: r.lotSize,
    avgDailyValue: r.avgDailyValue,
    suspended: r.suspended,
  }));
}

export async function createSimulator(
  prisma: PrismaClient,
  sql: SqlSession,
  opts: { seed: number; now: number; backfillMinutes: number },
): Promise<{ sim: MarketSimulator; backfilled: number }> {
  const specs = await loadSymbolSpecs(prisma);
  const last = await loadLastCloses(sql);
  if (last.size > 0) {
    // A restart is a new trading day for the simulator: limits re-based on the last close.
    const continued = specs.map((s) => ({ ...s, prevClose: last.get(s.code)?.close ?? s.prevClose }));
    return {
      sim: new MarketSimulator({ symbols: continued, seed: opts.seed + opts.now, startTs: opts.now }),
      backfilled: 0,
    };
  }
  const start = Math.floor(opts.now / MINUTE_MS) * MINUTE_MS - opts.backfillMinutes * MINUTE_MS;
  const sim = new MarketSimulator({ symbols: specs, seed: opts.seed, startTs: start });
  const builder = new BarBuilder();
  const bars: Bar[] = [];
  for (let ts = start + BACKFILL_STEP_MS; ts <= opts.now; ts += BACKFILL_STEP_MS) {
    for (const tick of sim.step(ts)) bars.push(...builder.add(tick));
    if (ts % MINUTE_MS === 0) bars.push(...builder.closeUntil(ts));
  }
  // The minute in progress stays open in the engine's own builder; drop it here.
  await insertBars(sql, bars);
  return { sim, backfilled: bars.length };
}
