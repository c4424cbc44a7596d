// Read side of the market screens (M3, M4): 1m/5m/15m bar history, the watchlist grid with
// sparklines and live indicators, and the minute stream that tells the grid to refresh.
import type { SqlSession } from "../db/connection";
import type { PrismaClient } from "../db/generated/client";
import { iterateTopic, type EventBus } from "../engine/event-bus";
import { MINUTE_TOPIC } from "../engine/market-engine";
import { AppError } from "../errors";
import { aggregateBars } from "./bars/aggregate-bars";
import type { HotBars } from "./hot-bars";
import type { MarketMonitoring } from "./monitoring/market-monitoring";

export type Interval = "1m" | "5m" | "15m";

export async function getIntervalBars(
  prisma: PrismaClient,
  hot: HotBars,
  input: { symbol: string; interval: Interval; limit: number; before?: number },
) {
  const symbol = await prisma.symbol.findUnique({ where: { code: input.symbol }, select: { code: true } });
  if (!symbol) throw new AppError("NOT_FOUND", `Unknown symbol ${input.symbol}.`);
  if (input.interval === "1m") return hot.recent(input.symbol, input.limit, input.before);
  const minutes = input.interval === "5m" ? 5 : 15;
  // Rolled up from the stored 1m bars (M3), so the live 1m stream and the rollups always agree.
  const bars = await hot.recent(input.symbol, input.limit * minutes, input.before);
  return aggregateBars(bars, minutes).slice(-input.limit);
}

const WATCHLIST_SIZE = 24;
const SPARK_MINUTES = 90;

/** The watchlist: the most liquid tradable names plus any symbol with an open alert. */
export async function getWatchlist(prisma: PrismaClient, sql: SqlSession, monitoring: MarketMonitoring) {
  const [liquid, alerted] = await Promise.all([
    prisma.symbol.findMany({
      where: { suspended: false },
      orderBy: { avgDailyValue: "desc" },
      take: WATCHLIST_SIZE,
      select: { code: true, name: true, sector: true, board: true, prevClose: true },
    }),
    prisma.marketAlert.groupBy({ by: ["symbolCode"], where: { ackAt: null }, _count: true }),
  ]);
  const openAlerts = new Map(alerted.map((a) => [a.symbolCode, a._count]));
  const extra = alerted
    .map((a) => a.symbolCode)
    .filter((c) => !liquid.some((s) => s.code === c))
    .slice(0, 12);
  const extraRows = extra.length
    ? await prisma.symbol.findMany({
        where: { code: { in: extra } },
        select: { code: true, name: true, sector: true, board: true, prevClose: true },
      })
    : [];
  const symbols = [...extraRows, ...liquid];
  const codes = symbols.map((s) => s.code);
  const rows = await sql.query<{ symbolCode: string; ts: Date | string; close: number }>(
    `SELECT "symbolCode", ts, close FROM "Bar1m"
     WHERE "symbolCode" = ANY($1::text[]) AND ts >= (SELECT max(ts) FROM "Bar1m") - make_interval(mins => $2)
     ORDER BY "symbolCode", ts`,
    [codes, SPARK_MINUTES],
  );
  const spark = new Map<string, Array<{ ts: number; close: number }>>();
  for (const r of rows) {
    const list = spark.get(r.symbolCode) ?? [];
    list.push({ ts: new Date(r.ts).getTime(), close: Number(r.close) });
    spark.set(r.symbolCode, list);
  }
  return symbols.map((s) => {
    const snap = monitoring.book.snapshot(s.code) ?? null;
    return {
      ...s,
      closes: spark.get(s.code) ?? [],
      sigma: snap?.sigma ?? null,
      spreadRatio: snap?.spreadRatio ?? null,
      trend15: snap?.trend15 ?? null,
      openAlerts: openAlerts.get(s.code) ?? 0,
      marginMultiplier: monitoring.overrides.marginMultiplier(s.code),
      buyRestricted: monitoring.overrides.buyRestricted(s.code),
    };
  });
}

export async function* streamMinutes(bus: EventBus, signal: AbortSignal | undefined) {
  const events = iterateTopic<{ minuteTs: number; bars: number; tickMs: number }>(bus, MINUTE_TOPIC, signal);
  try {
    for await (const e of events) yield { id: e.id, data: e.data };
  } finally {
    events.close();
  }
}
