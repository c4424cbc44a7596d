// Decision replay (A2, R4): rebuilds any recorded minute from its inputs (prices, sigmas, M6
// multipliers, parameter version, book snapshot by digest) and runs the pure margin model, so a
// status can be explained ("why": the figures, per-position margin, parameter version) and the
// tick's decisions reproduced. Also serves an account's equity / margin-level history.
import type { PrismaClient } from "../../db/generated/client";
import { AppError } from "../../errors";
import { deserializeBook, type BookColumns } from "../engine/book-columns";
import { applyDelta } from "../engine/book-delta";
import { evaluateAccount, type AccountResult, type PositionInput } from "../margin/margin-model";
import type { RiskParams, RiskStatus } from "../margin/risk-params";
import { getParamsOfVersion } from "../params/param-service";

interface TickRow {
  minuteTs: Date;
  paramVersion: number;
  bookDigest: string;
  prices: number[];
  sigmas: number[];
  multipliers: unknown;
}

const snapshotCache = new Map<string, BookColumns>();

async function loadSnapshot(prisma: PrismaClient, digest: string, depth = 0): Promise<BookColumns> {
  const hit = snapshotCache.get(digest);
  if (hit) return hit;
  // bytea read as base64 text (the PGlite driver adapter does not hand Bytes back as a buffer).
  const rows = await prisma.$queryRaw<
    Array<{
      symbols: string[];
      meta: unknown;
      accountIds: string;
      data: string;
      baseDigest: string | null;
      removedIds: string;
    }>
  >`SELECT symbols, meta, "accountIds", encode(data, 'base64') AS data, "baseDigest", "removedIds"
    FROM "RiskBookSnapshot" WHERE digest = ${digest}`;
  const row = rows[0];
  if (!row || depth > 8) throw new AppError("NOT_FOUND", "The book recorded for this minute is missing.");
  const accountIds = row.accountIds === "" ? [] : row.accountIds.split("\n");
  const data = Buffer.from(row.data.replace(/\s/g, ""), "base64");
  // A delta row holds only the accounts that differ from its base book (book-delta.ts).
  const book = row.baseDigest
    ? applyDelta(await loadSnapshot(prisma, row.baseDigest, depth + 1), {
        changedIds: accountIds,
        removedIds: row.removedIds === "" ? [] : row.removedIds.split("\n"),
        data,
      })
    : deserializeBook({ symbols: row.symbols, meta: row.meta as Array<[string, string, number]>, accountIds, data });
  if (snapshotCache.size >= 4) snapshotCache.delete(snapshotCache.keys().next().value ?? "");
  snapshotCache.set(digest, book);
  return book;
}

const paramsCache = new Map<number, RiskParams>();
async function loadParams(prisma: PrismaClient, version: number): Promise<RiskParams> {
  const hit = paramsCache.get(version);
  if (hit) return hit;
  const p = await getParamsOfVersion(prisma, version);
  paramsCache.set(version, p); // versions are immutable once stored
  return p;
}

function accountInputAt(book: BookColumns, a: number, tick: TickRow) {
  const mult = (tick.multipliers ?? {}) as Record<string, number>;
  const positions: PositionInput[] = [];
  for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
    const s = book.posSym[k] ?? 0;
    const symbol = book.symbols[s] ?? "";
    positions.push({
      symbol,
      qty: book.posQty[k] ?? 0,
      price: tick.prices[s] ?? 0,
      assetClass: book.assetClass[s] ?? "",
      liquidityTier: book.liquidityTier[s] ?? "",
      sigma: tick.sigmas[s] ?? 0,
      adv: book.adv[s] ?? 0,
      ...(mult[symbol] !== undefined ? { marginMultiplier: mult[symbol] } : {}),
    });
  }
  return { cash: book.cash[a] ?? 0, debt: book.debt[a] ?? 0, positions };
}

export interface AccountExplanation {
  minuteTs: Date;
  paramVersion: number;
  params: RiskParams;
  input: { cash: number; debt: number; positions: PositionInput[] };
  result: AccountResult;
}

/** Replays one account at a recorded minute (the latest one at or before minuteTs when not exact). */
export async function explainAccountAt(
  prisma: PrismaClient,
  accountId: string,
  minuteTs?: number,
): Promise<AccountExplanation | null> {
  const tick = await prisma.riskTick.findFirst({
    where: minuteTs === undefined ? {} : { minuteTs: { lte: new Date(minuteTs) } },
    orderBy: { minuteTs: "desc" },
  });
  if (!tick) return null;
  const book = await loadSnapshot(prisma, tick.bookDigest);
  const i = book.accountIndex.get(accountId);
  if (i === undefined) return null;
  const params = await loadParams(prisma, tick.paramVersion);
  const input = accountInputAt(book, i, tick);
  return {
    minuteTs: tick.minuteTs,
    paramVersion: tick.paramVersion,
    params,
    input,
    result: evaluateAccount(input, params),
  };
}

/** Every account's status at a recorded minute, recomputed from the recorded inputs. */
export async function replayTickStatuses(prisma: PrismaClient, minuteTs: number): Promise<Map<string, RiskStatus>> {
  const tick = await prisma.riskTick.findUnique({ where: { minuteTs: new Date(minuteTs) } });
  if (!tick) throw new AppError("NOT_FOUND", "No tick was recorded for that minute.");
  const book = await loadSnapshot(prisma, tick.bookDigest);
  const params = await loadParams(prisma, tick.paramVersion);
  const out = new Map<string, RiskStatus>();
  book.accountIds.forEach((id, i) => out.set(id, evaluateAccount(accountInputAt(book, i, tick), params).status));
  return out;
}

/** Equity and margin level per recorded minute, oldest first (the account page's chart). */
export async function loadAccountHistory(prisma: PrismaClient, accountId: string, limit: number) {
  const ticks = await prisma.riskTick.findMany({
    orderBy: { minuteTs: "desc" },
    take: limit,
    select: { minuteTs: true, paramVersion: true, bookDigest: true, prices: true, sigmas: true, multipliers: true },
  });
  const points: Array<{
    ts: number;
    equity: number;
    marginLevel: number | null;
    status: RiskStatus;
    paramVersion: number;
  }> = [];
  for (const tick of ticks.reverse()) {
    const book = await loadSnapshot(prisma, tick.bookDigest);
    const i = book.accountIndex.get(accountId);
    if (i === undefined) continue;
    const r = evaluateAccount(accountInputAt(book, i, tick), await loadParams(prisma, tick.paramVersion));
    points.push({
      ts: tick.minuteTs.getTime(),
      equity: r.equity,
      marginLevel: r.marginLevel,
      status: r.status,
      paramVersion: tick.paramVersion,
    });
  }
  return points;
}
