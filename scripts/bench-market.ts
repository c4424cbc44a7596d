// npm run bench:market: market monitoring benchmarks (DESIGN 9 style: each figure next to a
// baseline measured in the same run).
//  1. indicator + detector update for 5,000 symbols per bar (target well under 100 ms), against
//     recomputing the indicators from each symbol's window (the batch way);
//  2. BOCPD points per second, streaming O(R) with truncation vs the naive O(T^2) recursion, and
//     1e6 points in linear time (time per point at 1e5 and 1e6);
//  3. 1m bar insert throughput into PGlite and PostgreSQL (when reachable: its own database,
//     created and dropped), multi-row bulk inserts vs row-by-row.
import crypto from "node:crypto";
import pg from "pg";
import { openDatabase, type Database } from "../server/db/connection";
import { loadMigrations, migrationsDir, runMigrations } from "../server/db/migrate";
import { insertBars } from "../server/market/bar-store";
import { Bocpd } from "../server/market/detectors/bocpd";
import { runBocpdNaive } from "../server/market/detectors/bocpd-naive";
import { ewmaVolatility, realizedVolatility, parkinsonVolatility } from "../server/market/indicators/volatility";
import { median, zScore } from "../server/market/indicators/statistics";
import { MonitorBook } from "../server/market/monitoring/monitor-book";
import { createPrng } from "../server/prng";
import type { Bar } from "../server/market/types";

const SYMBOLS = 5000;
const T0 = Date.UTC(2026, 10, 24, 1, 30);
const rng = createPrng(2026);
const ms = (t0: number) => performance.now() - t0;
const fmt = (x: number, d = 1) => x.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

function makeBars(minute: number, prices: Float64Array): Bar[] {
  const bars: Bar[] = [];
  for (let i = 0; i < SYMBOLS; i++) {
    const p = (prices[i] ?? 10) * Math.exp(0.0015 * rng.normal());
    prices[i] = p;
    bars.push({
      symbol: `${String(600000 + i).padStart(6, "0")}.SH`,
      ts: T0 + minute * 60_000,
      open: p,
      high: p * 1.002,
      low: p * 0.998,
      close: p,
      volume: 10_000 + Math.round(2000 * rng.next()),
      turnover: p * 10_000,
      vwap: p,
      trades: 30,
      spreadBps: 8 + 4 * rng.next(),
      bidDepth: 40_000 + Math.round(10_000 * rng.next()),
      askDepth: 40_000 + Math.round(10_000 * rng.next()),
      imbalance: 0,
      quality: "OK",
    });
  }
  return bars;
}

function benchMonitor(): void {
  const book = new MonitorBook();
  const prices = new Float64Array(SYMBOLS).fill(10);
  const history: Bar[][] = [];
  for (let m = 0; m < 60; m++) {
    const bars = makeBars(m, prices);
    history.push(bars);
    book.processBars(bars);
  }
  const times: number[] = [];
  for (let m = 60; m < 80; m++) {
    const bars = makeBars(m, prices);
    history.push(bars);
    const t0 = performance.now();
    book.processBars(bars);
    times.push(ms(t0));
  }
  times.sort((a, b) => a - b);
  // Baseline: recompute each symbol's indicators from its last 60 bars every minute.
  const t1 = performance.now();
  const window = history.slice(-60);
  for (let i = 0; i < SYMBOLS; i++) {
    const bars = window.map((b) => b[i]).filter((b): b is Bar => b !== undefined);
    const closes = bars.map((b) => b.close);
    const ewma = ewmaVolatility(closes);
    const rets = closes.slice(1).map((c, j) => Math.log(c / (closes[j] ?? c)));
    realizedVolatility(rets, 30);
    parkinsonVolatility(
      bars.slice(-30).map((b) => b.high),
      bars.slice(-30).map((b) => b.low),
    );
    zScore(
      bars[bars.length - 1]?.volume ?? 0,
      bars.slice(-31, -1).map((b) => b.volume),
    );
    median(bars.slice(-31, -1).map((b) => b.spreadBps));
    void ewma;
  }
  const batch = ms(t1);
  console.log(
    `1. indicators + detectors (EWMA, realized, Parkinson, volume z, spread ratio, depth, imbalance, trends, 2 CUSUMs, BOCPD R=60), ${SYMBOLS} symbols per bar:`,
  );
  console.log(
    `   streaming: median ${fmt(times[10] ?? 0)} ms, max ${fmt(times[times.length - 1] ?? 0)} ms per bar (20 bars)`,
  );
  console.log(`   baseline, indicators only recomputed from 60-bar windows (no detectors): ${fmt(batch)} ms per bar`);
}

function benchBocpd(): void {
  const prior = { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 };
  const series = (n: number) => Array.from({ length: n }, (_, t) => (Math.floor(t / 500) % 2 ? 2 : 0) + rng.normal());
  const n0 = 2000;
  const s0 = series(n0);
  let t0 = performance.now();
  runBocpdNaive(s0, 1 / 250, prior);
  const naive = ms(t0);
  t0 = performance.now();
  const b0 = new Bocpd(1 / 250, prior, 500);
  for (const x of s0) b0.update(x);
  const streamingSmall = ms(t0);
  console.log(`2. BOCPD (Normal-Gamma, hazard 1/250):`);
  console.log(
    `   ${n0} points: naive untruncated recursion ${fmt(naive)} ms (${fmt(n0 / (naive / 1000), 0)} points/s); streaming R=500 ${fmt(streamingSmall)} ms (${fmt(n0 / (streamingSmall / 1000), 0)} points/s)`,
  );
  for (const n of [100_000, 1_000_000]) {
    const b = new Bocpd(1 / 250, prior, 200);
    const r = createPrng(n);
    t0 = performance.now();
    for (let t = 0; t < n; t++) b.update((Math.floor(t / 500) % 2 ? 2 : 0) + r.normal());
    const took = ms(t0);
    console.log(
      `   streaming R=200, ${n.toLocaleString("en-US")} points: ${fmt(took)} ms, ${fmt(n / (took / 1000), 0)} points/s, ${fmt((took * 1e6) / n, 0)} ns/point`,
    );
  }
}

async function benchInserts(name: string, db: Database): Promise<void> {
  const prices = new Float64Array(SYMBOLS).fill(10);
  const rows: Bar[] = [];
  for (let m = 0; m < 20; m++) rows.push(...makeBars(m, prices)); // 100,000 rows
  let t0 = performance.now();
  await insertBars(db.sql, rows);
  const bulk = ms(t0);
  const single = rows.slice(0, 2000).map((b) => ({ ...b, ts: b.ts + 86_400_000 }));
  t0 = performance.now();
  for (const b of single) {
    await db.sql.query(
      `INSERT INTO "Bar1m" ("symbolCode", ts, open, high, low, close, volume, turnover, vwap, trades, "spreadBps", "bidDepth", "askDepth", imbalance, quality)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15)`,
      [
        b.symbol,
        new Date(b.ts),
        b.open,
        b.high,
        b.low,
        b.close,
        b.volume,
        b.turnover,
        b.vwap,
        b.trades,
        b.spreadBps,
        b.bidDepth,
        b.askDepth,
        b.imbalance,
        b.quality,
      ],
    );
  }
  const rowByRow = ms(t0);
  console.log(
    `   ${name}: bulk ${fmt(rows.length / (bulk / 1000), 0)} rows/s (${rows.length.toLocaleString("en-US")} rows in ${fmt(bulk, 0)} ms); row by row ${fmt(single.length / (rowByRow / 1000), 0)} rows/s`,
  );
}

async function main(): Promise<void> {
  benchMonitor();
  benchBocpd();
  console.log(`3. 1m bar inserts (5,000 symbols x 20 minutes):`);
  const lite = await openDatabase({ kind: "pglite" });
  await runMigrations(lite.sql, loadMigrations(migrationsDir()));
  await benchInserts("PGlite (in-process)", lite);
  await lite.close();
  const admin = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const name = `md_bench_${crypto.randomBytes(4).toString("hex")}`;
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
  } catch {
    console.log(`   PostgreSQL: not reachable at ${admin}, skipped`);
    return;
  }
  await client.query(`CREATE DATABASE ${name}`);
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = await openDatabase({ kind: "postgres", url: url.toString(), max: 2 });
  try {
    await runMigrations(db.sql, loadMigrations(migrationsDir()));
    await benchInserts("PostgreSQL 127.0.0.1", db);
  } finally {
    await db.close();
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.end();
  }
}

void main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
