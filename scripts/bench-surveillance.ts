// npm run bench:surveillance: the S2 rules at book scale. The demo's order-flow generator runs for
// 100,000 accounts at its retail rates (3% of clients place an order in a minute, one in twenty is
// an active day trader at 30%, plus the planted bad actors) and every minute's events go through the
// incremental rule engine (state carried forward, one collect per minute). The baseline, in the
// same run, is what a rule engine without carried state would do: rescan every event of the day so
// far at a minute close (measured at a few minutes, since doing it every minute is quadratic).
// Both must find the same hits. Memory: the rule state's heap and the process's RSS.
//   BENCH_ACCOUNTS (default 100,000), BENCH_MINUTES (default 120), BENCH_SYMBOLS (default 300).
import { castFromAccounts, generateMinute, type FlowSymbol } from "../server/surveillance/order-flow/flow-generator";
import { mulberry32 } from "../server/surveillance/isolation-forest";
import { collectHits, createRuleEngine, ingestOrderEvents, runRules } from "../server/surveillance/rules/rule-engine";
import type { Hit, OrderEvent } from "../server/surveillance/rules/types";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const MINUTES = Number(process.env.BENCH_MINUTES ?? 120);
const SYMBOLS = Number(process.env.BENCH_SYMBOLS ?? 300);
const RESCAN_AT = [MINUTES / 4, MINUTES / 2, MINUTES].map(Math.round);
const T0 = Date.UTC(2026, 11, 1, 1, 30); // 09:30 Shanghai

const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const gc = (globalThis as { gc?: () => void }).gc;

const ids = Array.from({ length: ACCOUNTS }, (_, i) => `A${String(i).padStart(6, "0")}`);
const cast = castFromAccounts(ids);
const symbols: FlowSymbol[] = Array.from({ length: SYMBOLS }, (_, i) => ({
  symbol: `${600000 + i}.SH`,
  price: 5 + ((i * 37) % 95),
}));
/** The same seeded flow each time it is asked for. */
function* flow(): Generator<{ minuteTs: number; events: OrderEvent[]; ms: number }> {
  const rand = mulberry32(7);
  for (let m = 0; m < MINUTES; m++) {
    const minuteTs = T0 + m * 60_000;
    const g0 = performance.now();
    const events = generateMinute(minuteTs, cast, symbols, rand);
    yield { minuteTs, events, ms: performance.now() - g0 };
  }
}

console.log(
  `bench:surveillance: ${ACCOUNTS.toLocaleString("en")} accounts, ${SYMBOLS} symbols, ${MINUTES} minutes` +
    (gc ? "" : " (node --expose-gc gives a cleaner heap figure)"),
);

// 1. Incremental, as the minute loop runs it: events are dropped once fed.
gc?.();
const heap0 = process.memoryUsage().heapUsed;
const engine = createRuleEngine();
const minuteMs: number[] = [];
const generateMs: number[] = [];
const incrementalHits = new Map<string, Hit>();
let events = 0;
let peakRss = 0;
for (const minute of flow()) {
  generateMs.push(minute.ms);
  events += minute.events.length;
  const t0 = performance.now();
  ingestOrderEvents(engine, minute.events);
  for (const h of collectHits(engine, minute.minuteTs + 60_000)) incrementalHits.set(h.key, h);
  minuteMs.push(performance.now() - t0);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}
for (const h of collectHits(engine, null)) incrementalHits.set(h.key, h);
gc?.();
const stateHeap = process.memoryUsage().heapUsed - heap0;

// 2. Baseline: the day's events kept and rescanned at a few minute closes.
const day: OrderEvent[] = [];
const rescans: { minute: number; events: number; ms: number }[] = [];
let m = 0;
for (const minute of flow()) {
  m += 1;
  for (const e of minute.events) day.push(e);
  if (!RESCAN_AT.includes(m)) continue;
  const r0 = performance.now();
  runRules(day);
  rescans.push({ minute: m, events: day.length, ms: performance.now() - r0 });
}
const batch = runRules(day);
const sameKeys =
  batch.length === incrementalHits.size && batch.every((h) => incrementalHits.get(h.key)?.count === h.count);

const perMinute = events / MINUTES;
console.log(
  `events: ${events.toLocaleString("en")} in all, ${perMinute.toFixed(0)} a minute (orders, cancels, trade sides)`,
);
console.log(`generator (not the rules): p50 ${pct(generateMs, 50).toFixed(1)} ms a minute`);
console.log("");
console.log("incremental (state carried forward), per minute close:");
console.log(
  `  p50 ${pct(minuteMs, 50).toFixed(2)} ms   p95 ${pct(minuteMs, 95).toFixed(2)} ms   max ${Math.max(...minuteMs).toFixed(2)} ms`,
);
console.log("rescan of the day's events so far at a minute close (baseline, same run):");
for (const r of rescans) {
  const ratio = r.ms / Math.max(pct(minuteMs, 50), 0.001);
  console.log(
    `  minute ${String(r.minute).padStart(4)}: ${r.events.toLocaleString("en").padStart(10)} events  ${r.ms.toFixed(0).padStart(6)} ms  (${ratio.toFixed(0)}x the incremental p50)`,
  );
}
const last = rescans.at(-1);
if (last) {
  // A trading day is 240 minutes; the rescan grows with the events already seen.
  const projected = (last.ms / last.events) * perMinute * 240;
  console.log(`  projected at 15:00 (240 minutes): ~${projected.toFixed(0)} ms per minute close`);
}
console.log("");
console.log(
  `hits: ${incrementalHits.size} incremental, ${batch.length} batch, same keys and counts: ${sameKeys ? "yes" : "NO"}`,
);
console.log(
  `memory: rule state ~${mb(stateHeap)} of heap after ${MINUTES} minutes; peak RSS ${mb(peakRss)} during the incremental run`,
);
if (!sameKeys) process.exitCode = 1;
