// The market model C1's Monte Carlo runs on: each held symbol's volatility and the current
// correlation, estimated from the last bars' 1-minute log returns and scaled to one trading day
// (240 minutes); the sample correlation is shrunk so it factors with fewer bars than symbols.
// Without enough bars (a fresh database) a conservative fallback is used and said so.
import type { PrismaClient } from "../db/generated/client";
import { sampleCorrelation, shrinkCorrelation } from "./monte-carlo";

export const MINUTES_PER_DAY = 240;
export const FALLBACK_DAILY_SIGMA = 0.025;
export const FALLBACK_CORRELATION = 0.35;
const BARS = 120;

export interface MarketModel {
  symbols: string[];
  sigmas: number[]; // daily
  correlation: number[][];
  source: "bars" | "fallback";
  bars: number;
}

export async function loadMarketModel(prisma: PrismaClient, symbols: string[]): Promise<MarketModel> {
  const fallback = (): MarketModel => ({
    symbols,
    sigmas: symbols.map(() => FALLBACK_DAILY_SIGMA),
    correlation: symbols.map((_, i) => symbols.map((_, j) => (i === j ? 1 : FALLBACK_CORRELATION))),
    source: "fallback",
    bars: 0,
  });
  if (symbols.length === 0) return fallback();
  const rows = await prisma.$queryRaw<{ symbolCode: string; ts: Date; close: number }[]>`
    SELECT "symbolCode", ts, close FROM (
      SELECT "symbolCode", ts, close, row_number() OVER (PARTITION BY "symbolCode" ORDER BY ts DESC) AS rn
      FROM "Bar1m" WHERE "symbolCode" = ANY(${symbols})
    ) b WHERE rn <= ${BARS + 1} ORDER BY ts`;
  const times = [...new Set(rows.map((r) => r.ts.getTime()))].sort((a, b) => a - b);
  if (times.length < 30) return fallback();
  const col = new Map(symbols.map((s, i) => [s, i]));
  const row = new Map(times.map((t, i) => [t, i]));
  const n = symbols.length;
  const closes = new Float64Array(times.length * n).fill(NaN);
  for (const r of rows) closes[(row.get(r.ts.getTime()) as number) * n + (col.get(r.symbolCode) as number)] = r.close;
  // Missing minutes carry the last close forward (a suspended symbol has zero returns, not gaps).
  for (let j = 0; j < n; j++)
    for (let t = 1; t < times.length; t++)
      if (Number.isNaN(closes[t * n + j])) closes[t * n + j] = closes[(t - 1) * n + j] as number;
  const obs = times.length - 1;
  const returns = new Float64Array(obs * n);
  for (let t = 0; t < obs; t++)
    for (let j = 0; j < n; j++) {
      const a = closes[t * n + j] as number;
      const b = closes[(t + 1) * n + j] as number;
      returns[t * n + j] = a > 0 && b > 0 ? Math.log(b / a) : 0;
    }
  const sigmas = symbols.map((_, j) => {
    let ss = 0;
    for (let t = 0; t < obs; t++) ss += (returns[t * n + j] as number) ** 2;
    const daily = Math.sqrt(ss / obs) * Math.sqrt(MINUTES_PER_DAY);
    return daily > 0 ? daily : FALLBACK_DAILY_SIGMA;
  });
  return {
    symbols,
    sigmas,
    correlation: shrinkCorrelation(sampleCorrelation(returns, obs, n), 0.3),
    source: "bars",
    bars: obs,
  };
}
