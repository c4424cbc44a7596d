// bench:stress (DESIGN 9, T2): one historical scenario (China 2015) over a 100,000-account /
// 1,000,000-position book, and 1,000 Monte Carlo paths, each in the stress worker thread, while the
// main thread keeps a minute close going (the engine's revalue + classify of the same book, once a
// second, standing in for the minute); time, memory, and the minute close's duration and lateness,
// against a baseline measured in the same run with no stress run in the background.
//   npm run bench:stress [-- --accounts 100000 --mc-accounts 10000 --paths 1000]
import os from "node:os";
import { performance } from "node:perf_hooks";
// @ts-expect-error plain ESM build script without type declarations
import { buildWorkers } from "./build-workers.mjs";
import { DEFAULT_PLANNER_PARAMS } from "../server/liquidation/planner/planner-params";
import { DEMO_LAYER_FUNDING } from "../server/liquidation/waterfall-ledger";
import { revalueBook } from "../server/risk/engine/revalue-book";
import { DEFAULT_RISK_PARAMS } from "../server/risk/margin/risk-params";
import { buildChina2015 } from "../server/stress/historical-scenarios";
import { DEFAULT_MC_SPEC } from "../server/stress/monte-carlo";
import type { StressBook } from "../server/stress/stress-book";
import { closeStressPool, runStressInPool } from "../server/workers/stress-pool";
import { generateBenchBook } from "./bench-engine-book";

const arg = (name: string, dflt: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ACCOUNTS = arg("accounts", 100_000);
const MC_ACCOUNTS = arg("mc-accounts", 10_000);
const PATHS = arg("paths", 1_000);
const SECTORS = [
  "银行",
  "证券",
  "保险",
  "白酒",
  "医药",
  "半导体",
  "新能源",
  "电子",
  "地产",
  "有色金属",
  "汽车",
  "通信",
];

function stressBook(accounts: number): { sb: StressBook; tick: () => number } {
  const { book, mkt, rnd } = generateBenchBook({ symbols: 5_000, accounts, positions: 10, seed: 13 });
  const n = book.symbols.length;
  const sb: StressBook = {
    book,
    prices: mkt.prices,
    sigmas: mkt.sigmas,
    multipliers: mkt.multipliers,
    sector: book.symbols.map((_, s) => SECTORS[s % SECTORS.length] ?? ""),
    beta: Float64Array.from({ length: n }, () => 0.6 + rnd()),
    lotSize: new Int32Array(n).fill(100),
    suspended: new Uint8Array(n),
    params: DEFAULT_RISK_PARAMS,
    planner: DEFAULT_PLANNER_PARAMS,
    paramVersion: 1,
    asOfMinute: 0,
    waterfall: { ...DEMO_LAYER_FUNDING },
  };
  // The engine's minute close on the main thread: revalue + classify the whole book.
  const tick = () => {
    const t0 = performance.now();
    revalueBook(book, mkt, DEFAULT_RISK_PARAMS);
    return performance.now() - t0;
  };
  return { sb, tick };
}

interface TickStats {
  ticks: number;
  p50: number;
  p95: number;
  max: number;
  lateP95: number;
  lateMax: number;
}

/** Runs the minute close once a second (the "minute") until `until` resolves; duration and lateness of each. */
async function minuteCloses<T>(
  tick: () => number,
  until: Promise<T> | number,
): Promise<{ stats: TickStats; value: T | null }> {
  const durations: number[] = [];
  const lateness: number[] = [];
  let done = false;
  let value: T | null = null;
  const finished =
    typeof until === "number" ? new Promise<void>((r) => setTimeout(r, until)) : until.then((v) => void (value = v));
  void finished.then(() => (done = true));
  let due = performance.now() + 1000;
  while (!done) {
    await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
    if (done) break;
    lateness.push(performance.now() - due);
    durations.push(tick());
    // The next close is due a second after this one was due; a close that overran starts the next at
    // once (lateness is then per close, not a backlog that grows without bound).
    due = Math.max(due + 1000, performance.now());
  }
  await finished;
  const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.max(0, Math.ceil(p * xs.length) - 1)] ?? 0;
  return {
    stats: {
      ticks: durations.length,
      p50: q(durations, 0.5),
      p95: q(durations, 0.95),
      max: Math.max(0, ...durations),
      lateP95: q(lateness, 0.95),
      lateMax: Math.max(0, ...lateness),
    },
    value,
  };
}

const mb = (b: number) => `${(b / 2 ** 20).toFixed(0)} MB`;
const ms = (v: number) => `${v.toFixed(1)} ms`;
const fmtTicks = (s: TickStats) =>
  `${s.ticks} closes: duration p50 ${ms(s.p50)}, p95 ${ms(s.p95)}, max ${ms(s.max)}; late p95 ${ms(s.lateP95)}, max ${ms(s.lateMax)}`;

async function measure(label: string, sb: StressBook, tick: () => number, job: Parameters<typeof runStressInPool>[0]) {
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
  const t0 = performance.now();
  let lastProgress = "";
  const run = runStressInPool(job, {
    signal: new AbortController().signal,
    onProgress: (d, total) => (lastProgress = `${d}/${total}`),
  });
  const { stats, value } = await minuteCloses(tick, run);
  const wall = performance.now() - t0;
  clearInterval(sampler);
  const k = value?.kpis;
  console.log(
    `\n${label}: ${(wall / 1000).toFixed(1)} s wall (progress ${lastProgress}), peak process RSS ${mb(peakRss)}`,
  );
  if (k)
    console.log(
      `  KPIs: ${k.breaching.liquidation} below liquidation, ${k.tickets} tickets, notional ${k.liquidationNotional.toFixed(0)} CNY, ` +
        `slippage mean ${k.slippageMeanBps.toFixed(1)} / p95 ${k.slippageP95Bps.toFixed(1)} bps, shortfall ${k.shortfall.toFixed(0)} CNY`,
    );
  if (value?.mc)
    console.log(
      `  MC: shortfall mean ${value.mc.shortfall.mean.toFixed(0)}, p99 ${value.mc.shortfall.p99.toFixed(0)} CNY`,
    );
  console.log(`  minute close meanwhile: ${fmtTicks(stats)}`);
  void sb;
  return stats;
}

async function main() {
  console.log(`bench:stress on ${process.version}, ${os.cpus().length} cores`);
  await buildWorkers();
  const big = stressBook(ACCOUNTS);
  console.log(
    `book: ${big.sb.book.accountIds.length} accounts, ${big.sb.book.posQty.length} positions, ${big.sb.book.symbols.length} symbols`,
  );
  const base = await minuteCloses(big.tick, 10_000);
  console.log(`baseline (no stress run): ${fmtTicks(base.stats)}`);
  await measure(`China 2015 over ${ACCOUNTS} accounts`, big.sb, big.tick, {
    sb: big.sb,
    scenario: buildChina2015(),
    mc: null,
  });
  const small = stressBook(MC_ACCOUNTS);
  await measure(
    `Monte Carlo ${PATHS} paths x ${DEFAULT_MC_SPEC.steps} days over ${MC_ACCOUNTS} accounts`,
    small.sb,
    big.tick,
    {
      sb: small.sb,
      scenario: null,
      mc: { ...DEFAULT_MC_SPEC, paths: PATHS, seed: 1 },
    },
  );
  await closeStressPool();
}

await main();
