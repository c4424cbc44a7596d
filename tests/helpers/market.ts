// Market fixtures for integration tests: a clock the test moves by hand, and the simulator's small
// test universe stored as Symbol rows.
import type { Database } from "@/server/db/connection";
import type { Clock } from "@/server/engine/clock";
import type { SymbolSpec } from "@/server/market/types";

export function manualClock(start: number): Clock & { set(ts: number): void } {
  let now = start;
  return { speed: 1, now: () => now, realDelayUntil: (ts) => Math.max(0, ts - now), set: (ts) => (now = ts) };
}

export async function storeUniverse(db: Database, universe: readonly SymbolSpec[]): Promise<void> {
  await db.prisma.symbol.createMany({
    data: universe.map((s) => ({
      code: s.code,
      name: s.name,
      sector: s.sector,
      board: s.board,
      assetClass: "MAIN_BOARD",
      liquidityTier: "T1",
      beta: s.beta,
      prevClose: s.prevClose,
      lotSize: s.lotSize,
      avgDailyValue: s.avgDailyValue,
      suspended: s.suspended,
    })),
  });
}
