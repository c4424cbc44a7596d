// Liquidation fixtures: a one-symbol book whose accounts sit at chosen margin levels, the real risk
// engine over it, the simulator adapter over a fixed order book, and a desk on a clock the test moves.
import type { Database } from "@/server/db/connection";
import { createInProcessBus, type EventBus } from "@/server/engine/event-bus";
import { postOpeningBalances } from "@/server/ledger/ledger-service";
import { SimulatorBrokerAdapter, type SimulatorBookSource } from "@/server/liquidation/execution/broker-adapter";
import { LiquidationDesk, type ExecutionWindow } from "@/server/liquidation/liquidation-desk";
import type { BarQuality } from "@/server/liquidation/mark-guard";
import { markInputsFromFeeds, type MarkEvidenceSource } from "@/server/liquidation/mark-inputs";
import { planLiquidation } from "@/server/liquidation/planner/plan-liquidation";
import { absorbLossTx } from "@/server/liquidation/waterfall-ledger";
import type { Book } from "@/server/market/types";
import { RiskEngine } from "@/server/risk/engine/risk-engine";
import { NO_SYMBOL_OVERRIDES } from "@/server/risk/live-book";
import { ensureDefaultParams } from "@/server/risk/params/param-service";

export const SYM = "600000.SH";
export const SYM2 = "600036.SH";
export const T0 = Date.UTC(2026, 11, 2, 2, 0, 0); // a bar start (10:00 Shanghai)

/** Bid side 10.00 x 500, 9.99 x 1,000, 9.98 x 2,000; ask 10.01 x 500. */
export function fixedBook(): Book {
  return {
    bids: [
      { price: 10, qty: 500 },
      { price: 9.99, qty: 1000 },
      { price: 9.98, qty: 2000 },
    ],
    asks: [{ price: 10.01, qty: 500 }],
  };
}

export function fakeMarket(
  symbols: string[],
): SimulatorBookSource & { suspended: Set<string>; books: Map<string, Book> } {
  const books = new Map(symbols.map((s) => [s, fixedBook()]));
  const suspended = new Set<string>();
  return {
    books,
    suspended,
    getBook: (s) => books.get(s),
    getLast: () => 10,
    getLimits: () => ({ up: 11, down: 9 }),
    getSymbols: () => symbols.map((code) => ({ code, suspended: suspended.has(code) })),
  };
}

export interface BookAccount {
  id: string;
  debt: number;
  cash?: number;
  positions: Array<{ symbol: string; qty: number }>;
}

/** Symbols at 10.00 (main board, T1, ADV 1e9 so the size tier is x1) and a last bar with `volume` shares. */
export async function seedBook(db: Database, accounts: BookAccount[], opts: { volume?: number } = {}): Promise<void> {
  const p = db.prisma;
  await p.symbol.createMany({
    data: [SYM, SYM2].map((code) => ({
      code,
      name: code,
      sector: "Banks",
      board: "MAIN" as const,
      assetClass: "MAIN_BOARD",
      liquidityTier: "T1",
      beta: 1,
      prevClose: 10,
      avgDailyValue: 1e9,
    })),
  });
  for (const a of accounts) {
    await p.account.create({
      data: { id: a.id, code: a.id.toUpperCase(), clientName: a.id, cash: String(a.cash ?? 0), debt: String(a.debt) },
    });
    for (const pos of a.positions)
      await p.position.create({ data: { accountId: a.id, symbolCode: pos.symbol, qty: pos.qty, avgCost: "10" } });
  }
  await postOpeningBalances(p);
  const bar = {
    open: 10,
    high: 10,
    low: 10,
    close: 10,
    volume: opts.volume ?? 100_000,
    turnover: 1e6,
    vwap: 10,
    trades: 100,
    spreadBps: 10,
    bidDepth: 3500,
    askDepth: 500,
    imbalance: 0,
  };
  await p.bar1m.createMany({
    data: [SYM, SYM2].map((symbolCode) => ({ symbolCode, ts: new Date(T0 - 60_000), ...bar })),
  });
  await ensureDefaultParams(p);
}

export interface DeskFixture {
  engine: RiskEngine;
  desk: LiquidationDesk;
  market: ReturnType<typeof fakeMarket>;
  bus: EventBus;
  clock: { now: number };
  /** The risk tick for the bar starting at minuteTs (closing at +60 s), then the desk's close. */
  closeMinute(
    minuteTs: number,
    close?: number | Record<string, number>,
    quality?: Record<string, BarQuality>,
  ): Promise<Awaited<ReturnType<LiquidationDesk["onMinuteClose"]>>>;
}

export async function createDesk(
  db: Database,
  opts: {
    afterFill?: (key: string) => void;
    afterSlice?: (ids: readonly string[]) => void;
    sliceBatch?: number;
    market?: ReturnType<typeof fakeMarket>;
    /** The mark guard's evidence, as the plugin wires it from the feed supervisor. */
    feeds?: MarkEvidenceSource;
    executionWindow?: ExecutionWindow;
  } = {},
): Promise<DeskFixture> {
  const bus = createInProcessBus();
  const engine = new RiskEngine({
    prisma: db.prisma,
    sql: db.sql,
    volatility: { sigma: () => 0.001 },
    overrides: NO_SYMBOL_OVERRIDES,
    bus,
  });
  await engine.load();
  const market = opts.market ?? fakeMarket([SYM, SYM2]);
  const clock = { now: T0 };
  const desk = new LiquidationDesk({
    prisma: db.prisma,
    risk: engine,
    broker: new SimulatorBrokerAdapter(market),
    plan: planLiquidation,
    now: () => clock.now,
    bus,
    absorbLossTx,
    afterFill: opts.afterFill,
    afterSlice: opts.afterSlice,
    sliceBatch: opts.sliceBatch,
    executionWindow: opts.executionWindow,
    marks: opts.feeds
      ? (minuteTs, bars) => markInputsFromFeeds(opts.feeds as MarkEvidenceSource, minuteTs, bars, clock.now)
      : undefined,
  });
  return {
    engine,
    desk,
    market,
    bus,
    clock,
    async closeMinute(minuteTs, close = 10, quality = {}) {
      clock.now = minuteTs + 60_000;
      const closes = [SYM, SYM2].map((symbol) => ({
        symbol,
        close: typeof close === "number" ? close : (close[symbol] ?? 10),
      }));
      await engine.tick(minuteTs, closes);
      return desk.onMinuteClose(
        minuteTs,
        closes.map((c) => ({ ...c, quality: quality[c.symbol] ?? "OK" })),
      );
    },
  };
}
