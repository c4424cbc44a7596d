// bench:liquidation, desk section (DESIGN 9, R6/R7): a book where 1,000 accounts fall below the
// liquidation line at one bar close (PGlite in memory, the real risk engine, planner and desk, deep
// simulated books). Measures bar close -> every ticket persisted and pushed on the bus (target <= 5 s),
// and the minute's executions of all of them at their deadline (claims, fills, ledger, positions), each
// against a baseline in the same run: tickets written one transaction per ticket, executions run one
// ticket per transaction (the desk's set-based slice with a batch of 1; before batching, main measured
// 94.7 s for these 1,000 executions with ~30 statements per ticket). Prints a table.
import { openDatabase, type Database } from "../server/db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "../server/db/migrate";
import { createInProcessBus } from "../server/engine/event-bus";
import { checkLedgerAgreement, postOpeningBalances } from "../server/ledger/ledger-service";
import { SimulatorBrokerAdapter, type SimulatorBookSource } from "../server/liquidation/execution/broker-adapter";
import { LiquidationDesk } from "../server/liquidation/liquidation-desk";
import { planLiquidation } from "../server/liquidation/planner/plan-liquidation";
import { DEFAULT_PLANNER_PARAMS } from "../server/liquidation/planner/planner-params";
import { syncTickets } from "../server/liquidation/tickets/ticket-sync";
import {
  LIQUIDATION_TOPIC,
  publishTicketEvents,
  type TicketBusEvent,
} from "../server/liquidation/tickets/ticket-transition";
import type { Book } from "../server/market/types";
import { RiskEngine } from "../server/risk/engine/risk-engine";
import { NO_SYMBOL_OVERRIDES } from "../server/risk/live-book";
import { ensureDefaultParams } from "../server/risk/params/param-service";

const DISTRESSED = Number(process.env.BENCH_DISTRESSED ?? 1000);
const HEALTHY = Number(process.env.BENCH_HEALTHY ?? 2000);
const EXECUTE = process.env.BENCH_EXECUTE !== "0"; // 0: tickets only
const SYMBOLS = 50;
const T0 = Date.UTC(2026, 11, 2, 2, 0, 0);
const code = (i: number) => `6${String(i).padStart(5, "0")}.SH`;

async function seed(db: Database, distressed: number, healthy: number): Promise<void> {
  const p = db.prisma;
  await p.symbol.createMany({
    data: Array.from({ length: SYMBOLS }, (_, i) => ({
      code: code(i),
      name: code(i),
      sector: `S${i % 5}`,
      board: "MAIN" as const,
      assetClass: "MAIN_BOARD",
      liquidityTier: "T1",
      beta: 1,
      prevClose: 10,
      avgDailyValue: 5e9,
    })),
  });
  // Distressed: 3 x 1,000 shares at 10.00 (MV 30,000, MM 3,600), debt 27,000 -> E 3,000, ML 0.83.
  // Healthy: the same positions with debt 15,000 -> ML 4.2.
  const accounts = Array.from({ length: distressed + healthy }, (_, i) => ({
    id: `acc-${String(i).padStart(6, "0")}`,
    code: `A${i}`,
    clientName: `client ${i}`,
    cash: "0",
    debt: i < distressed ? "27000" : "15000",
  }));
  await p.account.createMany({ data: accounts });
  await p.position.createMany({
    data: accounts.flatMap((a, i) =>
      [0, 1, 2].map((k) => ({ accountId: a.id, symbolCode: code((i * 3 + k) % SYMBOLS), qty: 1000, avgCost: "10" })),
    ),
  });
  await postOpeningBalances(p);
  await p.bar1m.createMany({
    data: Array.from({ length: SYMBOLS }, (_, i) => ({
      symbolCode: code(i),
      ts: new Date(T0 - 60_000),
      open: 10,
      high: 10,
      low: 10,
      close: 10,
      volume: 5_000_000,
      turnover: 5e7,
      vwap: 10,
      trades: 1000,
      spreadBps: 10,
      bidDepth: 1e6,
      askDepth: 1e6,
      imbalance: 0,
    })),
  });
  await ensureDefaultParams(p);
}

function deepMarket(): SimulatorBookSource {
  const books = new Map<string, Book>();
  for (let i = 0; i < SYMBOLS; i += 1) {
    books.set(code(i), {
      bids: [0, 1, 2, 3, 4].map((k) => ({ price: 10 - k * 0.01, qty: 200_000 })),
      asks: [{ price: 10.01, qty: 200_000 }],
    });
  }
  return {
    getBook: (s) => books.get(s),
    getLast: () => 10,
    getLimits: () => ({ up: 11, down: 9 }),
    getSymbols: () => [...books.keys()].map((c) => ({ code: c, suspended: false })),
  };
}

interface RunOpts {
  createBatch?: number; // tickets per transaction at the bar close (undefined: the desk's default)
  sliceBatch?: number; // tickets per execution transaction (undefined: the desk's default)
  execute?: boolean; // run the minute's executions (default: BENCH_EXECUTE)
  distressed?: number; // accounts below the line (default: BENCH_DISTRESSED)
  healthy?: number; // accounts above it (default: BENCH_HEALTHY)
}

async function run(opts: RunOpts) {
  const db = await openDatabase({ kind: "pglite" });
  await runMigrations(db.sql, loadMigrations(migrationsDir()));
  const seedStart = performance.now();
  await seed(db, opts.distressed ?? DISTRESSED, opts.healthy ?? HEALTHY);
  const seedMs = performance.now() - seedStart;
  const bus = createInProcessBus();
  let pushed = 0;
  let lastPushAt = 0;
  bus.subscribe<TicketBusEvent>(LIQUIDATION_TOPIC, (e) => {
    if (e.data.kind === "OPEN") {
      pushed += 1;
      lastPushAt = performance.now();
    }
  });
  const engine = new RiskEngine({
    prisma: db.prisma,
    sql: db.sql,
    volatility: { sigma: () => 0.001 },
    overrides: NO_SYMBOL_OVERRIDES,
    bus,
  });
  await engine.load();
  const clock = { now: T0 + 60_000 };
  const desk = new LiquidationDesk({
    prisma: db.prisma,
    risk: engine,
    broker: new SimulatorBrokerAdapter(deepMarket()),
    plan: planLiquidation,
    now: () => clock.now,
    bus,
    sliceBatch: opts.sliceBatch,
  });
  const closes = [...Array(SYMBOLS).keys()].map((i) => ({ symbol: code(i), close: 10 }));
  const t0 = performance.now();
  await engine.tick(T0, closes);
  const t1 = performance.now();
  const broker = new SimulatorBrokerAdapter(deepMarket());
  const sync = await syncTickets({
    prisma: db.prisma,
    risk: engine,
    broker,
    plan: planLiquidation,
    planner: DEFAULT_PLANNER_PARAMS,
    nowMs: clock.now,
    minuteTs: T0,
    createBatch: opts.createBatch,
  });
  publishTicketEvents(bus, sync.events);
  const t2 = performance.now();
  const persisted = await db.prisma.liquidationTicket.count();
  clock.now = T0 + 60_000 + 45_000;
  const t3 = performance.now();
  if (opts.execute ?? EXECUTE) await desk.checkDue();
  const t4 = performance.now();
  const executed = await db.prisma.liquidationTicket.count({ where: { status: "EXECUTED" } });
  const fills = await db.prisma.liquidationFill.count();
  const ledger = await checkLedgerAgreement(db.prisma);
  await db.close();
  return {
    seedMs,
    riskTickMs: t1 - t0,
    syncMs: t2 - t1,
    planMs: sync.planMs,
    writeMs: sync.writeMs,
    closeToPushedMs: lastPushAt - t0,
    created: sync.created,
    persisted,
    pushed,
    executeMs: t4 - t3,
    executed,
    fills,
    ledgerOk: ledger.ok,
  };
}

/** Bar close -> tickets persisted and pushed only (no executions), for bench:engine. */
export function runBarCloseToTickets(distressed: number, healthy: number) {
  return run({ execute: false, distressed, healthy });
}

/**
 * Prints the table. baseline "tickets": the bar close's tickets one transaction each (slow: ~80 s at
 * 1,000 here); "executions": the minute's executions one ticket per transaction; "none": desk only.
 */
export async function runDeskBench(baseline: "none" | "tickets" | "executions" | "both"): Promise<void> {
  console.log(
    `liquidation desk: ${DISTRESSED} accounts below the line among ${DISTRESSED + HEALTHY}, ${SYMBOLS} symbols, PGlite in memory`,
  );
  const rows: Array<[string, Awaited<ReturnType<typeof run>>]> = [["batched (desk)", await run({})]];
  if (baseline === "executions" || baseline === "both")
    rows.push(["executions one ticket per tx (baseline)", await run({ sliceBatch: 1 })]);
  if (baseline === "tickets" || baseline === "both")
    rows.push(["tickets one per tx (baseline)", await run({ createBatch: 1, sliceBatch: 1 })]);
  const fmt = (x: number) => `${(x / 1000).toFixed(2)} s`;
  console.table(
    Object.fromEntries(
      rows.map(([name, r]) => [
        name,
        {
          "risk tick": fmt(r.riskTickMs),
          "tickets persisted": `${r.persisted} in ${fmt(r.syncMs)}`,
          "of which planning": fmt(r.planMs),
          writing: fmt(r.writeMs),
          pushed: r.pushed,
          "bar close -> all pushed": fmt(r.closeToPushedMs),
          "target <= 5 s": r.closeToPushedMs <= 5000 ? "met" : "MISSED",
          "minute's executions": EXECUTE ? `${r.executed} tickets, ${r.fills} fills in ${fmt(r.executeMs)}` : "skipped",
          "fits in the minute": EXECUTE ? (r.executeMs <= 60_000 ? "yes" : "NO") : "-",
          "ledger agrees": r.ledgerOk ? "yes" : "NO",
        },
      ]),
    ),
  );
}
