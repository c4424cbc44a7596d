// A user's desk preferences (up/down colours, recent symbols) and watchlist. Personal settings of
// the signed-in user only: nobody reads or writes another user's rows.
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";

export const UP_COLORS = ["RED_UP", "GREEN_UP"] as const;
export type UpColor = (typeof UP_COLORS)[number];
export const MAX_RECENT = 10;
export const MAX_WATCHLIST = 100;

export interface DeskPreferences {
  /** null: follow the language (zh-CN red-up, en green-up). */
  upColor: UpColor | null;
  recentSymbols: string[];
}

function asUpColor(v: string | null): UpColor | null {
  return v === "RED_UP" || v === "GREEN_UP" ? v : null;
}

export async function getPreferences(prisma: PrismaClient, userId: string): Promise<DeskPreferences> {
  const row = await prisma.userPreference.findUnique({ where: { userId } });
  return { upColor: asUpColor(row?.upColor ?? null), recentSymbols: row?.recentSymbols ?? [] };
}

export async function setUpColor(prisma: PrismaClient, userId: string, upColor: UpColor | null) {
  const row = await prisma.userPreference.upsert({
    where: { userId },
    create: { userId, upColor },
    update: { upColor },
  });
  return { upColor: asUpColor(row.upColor), recentSymbols: row.recentSymbols };
}

/** Most recent first, no repeats, at most MAX_RECENT. */
export function pushRecent(list: readonly string[], code: string): string[] {
  return [code, ...list.filter((c) => c !== code)].slice(0, MAX_RECENT);
}

async function requireSymbol(prisma: PrismaClient, code: string) {
  const found = await prisma.symbol.findUnique({ where: { code }, select: { code: true } });
  if (!found) throw new AppError("NOT_FOUND", `Unknown symbol ${code}.`);
}

export async function touchRecentSymbol(prisma: PrismaClient, userId: string, code: string) {
  await requireSymbol(prisma, code);
  const current = await getPreferences(prisma, userId);
  const recentSymbols = pushRecent(current.recentSymbols, code);
  await prisma.userPreference.upsert({
    where: { userId },
    create: { userId, recentSymbols },
    update: { recentSymbols },
  });
  return recentSymbols;
}

export async function listWatchlist(prisma: PrismaClient, userId: string): Promise<string[]> {
  const rows = await prisma.watchlistItem.findMany({ where: { userId }, orderBy: { addedAt: "asc" } });
  return rows.map((r) => r.symbol);
}

export async function watchSymbol(prisma: PrismaClient, userId: string, code: string) {
  await requireSymbol(prisma, code);
  const count = await prisma.watchlistItem.count({ where: { userId } });
  if (count >= MAX_WATCHLIST)
    throw new AppError("CONFLICT", `A watchlist holds at most ${MAX_WATCHLIST} symbols; remove one first.`);
  await prisma.watchlistItem.upsert({
    where: { userId_symbol: { userId, symbol: code } },
    create: { userId, symbol: code },
    update: {},
  });
  return listWatchlist(prisma, userId);
}

export async function unwatchSymbol(prisma: PrismaClient, userId: string, code: string) {
  await prisma.watchlistItem.deleteMany({ where: { userId, symbol: code } });
  return listWatchlist(prisma, userId);
}
