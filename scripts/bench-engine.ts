// bench:engine (DESIGN 9, R4): the minute tick's revalue + classify over generated books of 10k and
// 100k accounts (10 positions each) and 5k symbols beside a plain hand-written columnar loop of the
// same arithmetic (interleaved, same run; the engine should stay within 1.5x of it), the plan of
// every account below the liquidation line, the time to persist a tick's changes (PGlite, in
// memory), memory, and the same revaluation as one SQL aggregate on PostgreSQL (own database on
// 127.0.0.1:5432 when reachable) and PGlite, with the ratio. Then bar close -> tickets persisted
// and pushed through the real engine and desk (BENCH_DESK_ACCOUNTS, 0 skips). Prints a table.
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../server/db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "../server/db/migrate";
import { digestBook, serializeBook } from "../server/risk/engine/book-columns";
import { revalueBook } from "../server/risk/engine/revalue-book";
import { decideTick } from "../server/risk/engine/tick-decisions";
import { persistTick } from "../server/risk/engine/tick-store";
import { DEFAULT_RISK_PARAMS as P } from "../server/risk/margin/risk-params";
import { planLiquidation } from "../server/liquidation/planner/plan-liquidation";
import { DEFAULT_PLANNER_PARAMS } from "../server/liquidation/planner/planner-params";
import type { PlanInput } from "../server/liquidation/planner/types";
import { generateBenchBook } from "./bench-engine-book";
import { plainRevalue } from "./bench-engine-plain";
import { runBarCloseToTickets } from "./bench-liquidation-desk-run";
import { buildRevalueQuery, loadBookIntoSql } from "./bench-engine-sql";

const SIZES = (process.env.BENCH_ACCOUNTS ?? "10000,100000").split(",").map(Number);
const DESK_ACCOUNTS = Number(process.env.BENCH_DESK_ACCOUNTS ?? 10_000);
const DESK_DISTRESSED = 1000;
const SYMBOLS = 5000;
const POSITIONS = 10;
const PG_URL = process.env.BENCH_PG_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const mb = (b: number) => `${(b / 1048576).toFixed(0)} MB`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function timeQuery(sql: Database["sql"], query: string, runs: number) {
  const times: number[] = [];
  let counts: Record<string, number> = {};
  for (let i = 0; i < runs; i += 1) {
    const t0 = performance.now();
    const rows = await sql.query<{ status: string; n: number }>(query);
    times.push(performance.now() - t0);
    counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  }
  return { ms: median(times), counts };
}

async function openBenchPostgres(): Promise<{ db: Database; drop(): Promise<void> } | null> {
  const name = `md_bench_${crypto.randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 });
  try {
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
  } catch (err) {
    console.log(`PostgreSQL not reachable at ${PG_URL} (${String(err)}): skipping its baseline`);
    return null;
  }
  const u = new URL(PG_URL);
  u.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: u.toString(), max: 2 });
  return {
    db,
    async drop() {
      await db.close();
      const c = new pg.Client({ connectionString: PG_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

async function benchSize(accounts: number) {
  console.log(
    `\n=== ${accounts.toLocaleString("en")} accounts x ${POSITIONS} positions, ${SYMBOLS.toLocaleString("en")} symbols ===`,
  );
  const t0 = performance.now();
  const { book, mkt, rnd } = generateBenchBook({ symbols: SYMBOLS, accounts, positions: POSITIONS, seed: 7 });
  console.log(
    `book built (generate + columnar layout): ${(performance.now() - t0).toFixed(0)} ms; positions ${book.posQty.length.toLocaleString("en")}`,
  );
  global.gc?.();
  const mem = process.memoryUsage();
  const columnBytes =
    book.posQty.byteLength + book.posSym.byteLength + book.posStart.byteLength + book.cash.byteLength * 2;
  console.log(`memory: rss ${mb(mem.rss)}, heap used ${mb(mem.heapUsed)}, typed-array columns ${mb(columnBytes)}`);

  // Revalue + classify, engine and plain loop interleaved on the same prices: warm-up, then 9 ticks
  // with fresh prices (random +-1% moves); the engine's output must equal the plain loop's.
  for (let i = 0; i < 3; i += 1) {
    revalueBook(book, mkt, P);
    plainRevalue(book, mkt, P);
  }
  const times: number[] = [];
  const plainTimes: number[] = [];
  let figures = revalueBook(book, mkt, P);
  let identical = true;
  for (let i = 0; i < 9; i += 1) {
    for (let s = 0; s < mkt.prices.length; s += 1) mkt.prices[s] = (mkt.prices[s] ?? 0) * (1 + (rnd() - 0.5) * 0.02);
    let t = performance.now();
    figures = revalueBook(book, mkt, P);
    times.push(performance.now() - t);
    t = performance.now();
    const plain = plainRevalue(book, mkt, P);
    plainTimes.push(performance.now() - t);
    for (let a = 0; a < figures.status.length && identical; a += 1) {
      identical =
        figures.status[a] === plain.status[a] &&
        figures.maintenance[a] === plain.maintenance[a] &&
        figures.initial[a] === plain.initial[a] &&
        figures.equity[a] === plain.equity[a];
    }
  }
  const revalueMs = median(times);
  const plainMs = median(plainTimes);
  console.log(
    `revalue + classify per tick: engine median ${revalueMs.toFixed(1)} ms (min ${Math.min(...times).toFixed(1)}, max ${Math.max(...times).toFixed(1)}); counts ${JSON.stringify(figures.counts)}`,
  );
  console.log(
    `plain columnar loop, same arithmetic: median ${plainMs.toFixed(1)} ms (min ${Math.min(...plainTimes).toFixed(1)}); engine / plain ${(revalueMs / plainMs).toFixed(2)}x (target <= 1.5x: ${revalueMs / plainMs <= 1.5 ? "met" : "MISSED"}); outputs identical: ${identical ? "yes" : "NO"}`,
  );

  // Plan: every account at or below the liquidation line, from the same figures (no order books:
  // the planner's square-root impact model prices the sales).
  const distressed: PlanInput[] = [];
  for (let a = 0; a < figures.status.length; a += 1) {
    if ((figures.status[a] ?? 0) < 2) continue;
    const positions: PlanInput["positions"] = [];
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const s = book.posSym[k] ?? 0;
      const qty = book.posQty[k] ?? 0;
      positions.push({
        symbol: book.symbols[s] ?? "",
        qty,
        price: mkt.prices[s] ?? 0,
        assetClass: book.assetClass[s] ?? "",
        liquidityTier: book.liquidityTier[s] ?? "",
        sigma: mkt.sigmas[s] ?? 0,
        adv: book.adv[s] ?? 0,
        sellableQty: qty,
        hedged: 0,
        feeContribution: 0,
      });
    }
    distressed.push({ cash: book.cash[a] ?? 0, debt: book.debt[a] ?? 0, positions });
  }
  const tp = performance.now();
  const plans = distressed.map((d) => planLiquidation(d, P, DEFAULT_PLANNER_PARAMS));
  const planMs = performance.now() - tp;
  console.log(
    `plan: ${distressed.length.toLocaleString("en")} accounts below the liquidation line in ${planMs.toFixed(0)} ms (${plans.filter((p) => p.reachable).length.toLocaleString("en")} reachable); revalue + classify + plan ${(revalueMs + planMs).toFixed(0)} ms`,
  );

  // Decide + persist on PGlite: the first tick (every non-healthy account changes) and a steady tick.
  const lite = await openDatabase({ kind: "pglite" });
  await runMigrations(lite.sql, loadMigrations(migrationsDir()));
  const previous = new Uint8Array(book.accountIds.length);
  const td = performance.now();
  const first = decideTick({
    accountIds: book.accountIds,
    previous,
    figures,
    openCalls: new Map(),
    closeTs: 60_000,
    warningLine: 1.3,
    marginCallMinutes: 30,
  });
  const decideMs = performance.now() - td;
  const sb = serializeBook(book);
  const digest = digestBook(sb);
  const rec = (minuteTs: number, withBook: boolean) => ({
    minuteTs,
    paramVersion: 1,
    bookDigest: digest,
    book: withBook ? sb : null,
    prices: mkt.prices,
    sigmas: mkt.sigmas,
    multipliers: null,
    counts: figures.counts,
    revalueMs,
  });
  let t = performance.now();
  await persistTick(lite.prisma, rec(0, true), { changes: [], opened: [], escalated: [], closed: [], worsened: [] });
  const snapshotMs = performance.now() - t;
  t = performance.now();
  await persistTick(lite.prisma, rec(60_000, false), first);
  const firstMs = performance.now() - t;
  for (let s = 0; s < mkt.prices.length; s += 1) mkt.prices[s] = (mkt.prices[s] ?? 0) * (1 + (rnd() - 0.55) * 0.01);
  const next = revalueBook(book, mkt, P);
  const steady = decideTick({
    accountIds: book.accountIds,
    previous: figures.status,
    figures: next,
    openCalls: new Map(),
    closeTs: 120_000,
    warningLine: 1.3,
    marginCallMinutes: 30,
  });
  const steadyOnly = {
    ...steady,
    opened: steady.opened.filter((o) => (figures.status[book.accountIndex.get(o.accountId) ?? 0] ?? 0) === 0),
  };
  t = performance.now();
  await persistTick(lite.prisma, rec(120_000, false), steadyOnly);
  const steadyMs = performance.now() - t;
  console.log(
    `decide: ${decideMs.toFixed(1)} ms; persist (PGlite): book snapshot once ${snapshotMs.toFixed(0)} ms, first tick ${first.changes.length.toLocaleString("en")} changes + ${first.opened.length.toLocaleString("en")} calls ${firstMs.toFixed(0)} ms, steady tick ${steady.changes.length} changes ${steadyMs.toFixed(0)} ms`,
  );

  // Baseline: the same revaluation as one SQL aggregate.
  const query = buildRevalueQuery(P);
  console.log(`in-memory counts on the prices loaded below (to compare with SQL): ${JSON.stringify(next.counts)}`);
  const baselines: Array<[string, number]> = [];
  t = performance.now();
  await loadBookIntoSql(lite.sql, book, mkt, P);
  const liteLoad = performance.now() - t;
  const liteQ = await timeQuery(lite.sql, query, 3);
  console.log(
    `PGlite aggregate: ${liteQ.ms.toFixed(0)} ms (load ${liteLoad.toFixed(0)} ms); counts ${JSON.stringify(liteQ.counts)}`,
  );
  baselines.push(["PGlite", liteQ.ms]);
  await lite.close();
  const pgdb = await openBenchPostgres();
  if (pgdb) {
    try {
      t = performance.now();
      await loadBookIntoSql(pgdb.db.sql, book, mkt, P);
      const pgLoad = performance.now() - t;
      const pgQ = await timeQuery(pgdb.db.sql, query, 3);
      console.log(
        `PostgreSQL aggregate: ${pgQ.ms.toFixed(0)} ms (load ${pgLoad.toFixed(0)} ms); counts ${JSON.stringify(pgQ.counts)}`,
      );
      baselines.push(["PostgreSQL", pgQ.ms]);
    } finally {
      await pgdb.drop();
    }
  }
  for (const [name, ms] of baselines)
    console.log(`ratio ${name} SQL / in-memory typed arrays: ${(ms / revalueMs).toFixed(1)}x`);
  return {
    accounts,
    revalueMs,
    plainMs,
    planMs,
    firstMs,
    steadyMs,
    snapshotMs,
    baselines,
    rss: process.memoryUsage().rss,
  };
}

async function main() {
  console.log(`bench:engine on ${process.version}, ${(await import("node:os")).cpus().length} cores`);
  const results = [];
  for (const n of SIZES) results.push(await benchSize(n));
  console.log("\nsummary (ms):");
  console.table(
    results.map((r) => ({
      accounts: r.accounts,
      revalue: +r.revalueMs.toFixed(1),
      plainLoop: +r.plainMs.toFixed(1),
      "engine/plain": +(r.revalueMs / r.plainMs).toFixed(2),
      plan: Math.round(r.planMs),
      persistFirst: Math.round(r.firstMs),
      persistSteady: Math.round(r.steadyMs),
      snapshot: Math.round(r.snapshotMs),
      ...Object.fromEntries(r.baselines.map(([n, ms]) => [`${n} SQL`, Math.round(ms)])),
      rssMB: Math.round(r.rss / 1048576),
    })),
  );
  if (DESK_ACCOUNTS > 0) {
    console.log(
      `\nbar close -> tickets persisted and pushed (real engine + desk, PGlite in memory): ${DESK_DISTRESSED.toLocaleString("en")} accounts fall below the line among ${DESK_ACCOUNTS.toLocaleString("en")} (3 positions each, 50 symbols)`,
    );
    const rssBefore = process.memoryUsage().rss;
    const r = await runBarCloseToTickets(DESK_DISTRESSED, Math.max(0, DESK_ACCOUNTS - DESK_DISTRESSED));
    console.log(
      `seed ${(r.seedMs / 1000).toFixed(1)} s; risk tick ${r.riskTickMs.toFixed(0)} ms; tickets ${r.persisted} persisted in ${r.syncMs.toFixed(0)} ms (plan ${r.planMs.toFixed(0)} ms, write ${r.writeMs.toFixed(0)} ms), ${r.pushed} pushed; bar close -> all pushed ${(r.closeToPushedMs / 1000).toFixed(2)} s (target <= 5 s: ${r.closeToPushedMs <= 5000 ? "met" : "MISSED"}); rss ${mb(rssBefore)} -> ${mb(process.memoryUsage().rss)}`,
    );
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
