// Read side of the market for the desk: symbols, bar history (backfill) and the live bar stream.
import type { SqlSession } from "../db/connection";
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import { iterateTopic, type EventBus } from "../engine/event-bus";
import { barTopic, type BarEvent, type MarketEngine } from "../engine/market-engine";
import { loadBarsSince } from "./bar-store";
import type { HotBars } from "./hot-bars";

export async function listSymbols(prisma: PrismaClient) {
  return prisma.symbol.findMany({
    orderBy: { code: "asc" },
    select: { code: true, name: true, sector: true, board: true, prevClose: true, suspended: true },
  });
}

async function requireSymbol(prisma: PrismaClient, code: string) {
  const symbol = await prisma.symbol.findUnique({ where: { code }, select: { code: true } });
  if (!symbol) throw new AppError("NOT_FOUND", `Unknown symbol ${code}.`);
}

export async function getBarHistory(
  prisma: PrismaClient,
  hot: HotBars,
  input: { symbol: string; limit: number; before?: number },
) {
  await requireSymbol(prisma, input.symbol);
  return hot.recent(input.symbol, input.limit, input.before);
}

/** Event ids are "<bar ts>-<seq>", so a reconnecting client's lastEventId says where to resume. */
function eventId(e: BarEvent, seq: string): string {
  return `${e.bar.ts}-${seq}`;
}

export async function* streamBars(
  deps: { prisma: PrismaClient; sql: SqlSession; bus: EventBus; engine: MarketEngine | null },
  input: { symbol: string; lastEventId?: string | null },
  signal: AbortSignal | undefined,
) {
  await requireSymbol(deps.prisma, input.symbol);
  if (!deps.engine) throw new AppError("PRECONDITION_FAILED", "The market engine is not running on this server.");
  const events = iterateTopic<BarEvent>(deps.bus, barTopic(input.symbol), signal);
  try {
    const resumeFrom = input.lastEventId ? Number(input.lastEventId.split("-")[0]) : NaN;
    if (Number.isFinite(resumeFrom)) {
      for (const bar of await loadBarsSince(deps.sql, input.symbol, resumeFrom)) {
        yield { id: eventId({ kind: "closed", bar }, "r"), data: { kind: "closed", bar } satisfies BarEvent };
      }
    }
    const forming = deps.engine.forming(input.symbol);
    if (forming)
      yield {
        id: eventId({ kind: "forming", bar: forming }, "s"),
        data: { kind: "forming", bar: forming } satisfies BarEvent,
      };
    for await (const e of events) yield { id: eventId(e.data, e.id), data: e.data };
  } finally {
    events.close(); // also when the catch-up failed or the client left before the live part
  }
}
