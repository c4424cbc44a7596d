// npm run bench:capital: C1 Monte Carlo ES and its Euler allocation for 100,000 accounts and 10,000
// paths (500 symbols, Student-t with nu = 4, one-factor-plus-sector correlation), time and memory,
// against the naive computation in the same run: every account's loss on every path, summed into
// the portfolio loss, the tail picked, then every account's loss again on the tail paths (the
// scenario x account matrix itself, 10^9 doubles = 8 GB, cannot be held; the naive run streams it).
//   BENCH_ACCOUNTS, BENCH_PATHS, BENCH_SYMBOLS override the sizes.
import { compensatedSum, tailIndices } from "../server/capital/euler";
import { allocateExposureEs, type ExposureLine } from "../server/capital/exposure-es";
import { simulateReturns } from "../server/capital/monte-carlo";
import { createPrng } from "../server/prng";

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 100_000);
const PATHS = Number(process.env.BENCH_PATHS ?? 10_000);
const SYMBOLS = Number(process.env.BENCH_SYMBOLS ?? 500);
const SECTORS = 20;
const ALPHA = 0.975;

let peakRss = 0;
const sample = () => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
};
const mb = (b: number) => `${(b / 1024 / 1024).toFixed(0)} MB`;
function timed<T>(label: string, f: () => T): { value: T; ms: number } {
  sample();
  const t0 = performance.now();
  const value = f();
  const ms = performance.now() - t0;
  sample();
  console.log(`${label.padEnd(44)} ${ms.toFixed(0).padStart(8)} ms   rss ${mb(process.memoryUsage().rss)}`);
  return { value, ms };
}

const rng = createPrng(42);
const sector = Array.from({ length: SYMBOLS }, (_, i) => i % SECTORS);
const sigmas = Array.from({ length: SYMBOLS }, () => 0.015 + 0.025 * rng.next());
// Market loading 0.55 (0.3 shared), sector loading 0.45 (0.2 more within a sector).
const correlation = Array.from({ length: SYMBOLS }, (_, i) =>
  Array.from({ length: SYMBOLS }, (_, j) => (i === j ? 1 : sector[i] === sector[j] ? 0.5 : 0.3)),
);
const units: ExposureLine[][] = Array.from({ length: ACCOUNTS }, () =>
  Array.from({ length: rng.int(1, 5) }, () => ({
    symbol: rng.int(0, SYMBOLS - 1),
    notional: 10_000 + 490_000 * rng.next(),
  })),
);
const lines = units.reduce((a, u) => a + u.length, 0);
console.log(
  `bench:capital  ${ACCOUNTS.toLocaleString("en-US")} accounts (${lines.toLocaleString("en-US")} positions), ${PATHS.toLocaleString("en-US")} paths, ${SYMBOLS} symbols, alpha ${ALPHA}, node ${process.version}`,
);

const sim = timed("simulate returns (Student-t, Cholesky)", () =>
  simulateReturns({ sigmas, correlation, nu: 4, paths: PATHS, seed: 7 }),
);
const returns = sim.value;
const fast = timed("ES + Euler from exposures", () =>
  allocateExposureEs({ returns, symbols: SYMBOLS, units, alpha: ALPHA }),
);

const naive = timed("naive: every account x every path", () => {
  const portfolio = new Float64Array(PATHS);
  for (let p = 0; p < PATHS; p++) {
    const base = p * SYMBOLS;
    let sum = 0;
    for (const u of units) {
      let loss = 0;
      for (const l of u) loss -= l.notional * (returns[base + l.symbol] as number);
      sum += loss;
    }
    portfolio[p] = sum;
  }
  const tail = tailIndices(portfolio, ALPHA);
  const contributions = new Float64Array(ACCOUNTS);
  for (const p of tail) {
    const base = p * SYMBOLS;
    units.forEach((u, a) => {
      let loss = 0;
      for (const l of u) loss -= l.notional * (returns[base + l.symbol] as number);
      contributions[a] = (contributions[a] as number) + loss;
    });
  }
  for (let a = 0; a < ACCOUNTS; a++) contributions[a] = (contributions[a] as number) / tail.length;
  return { tail, es: compensatedSum(contributions), contributions };
});

const sameTail =
  naive.value.tail.length === fast.value.tail.length && naive.value.tail.every((v, i) => v === fast.value.tail[i]);
let maxDiff = 0;
for (let a = 0; a < ACCOUNTS; a++)
  maxDiff = Math.max(
    maxDiff,
    Math.abs((naive.value.contributions[a] as number) - (fast.value.contributions[a] as number)),
  );
const sumContrib = compensatedSum(fast.value.contributions);
console.log("");
console.log(
  `ES ${fast.value.es.toFixed(2)} CNY, VaR ${fast.value.var.toFixed(2)} CNY, tail ${fast.value.tail.length} paths`,
);
console.log(`sum of contributions - ES: ${(sumContrib - fast.value.es).toExponential(2)} CNY`);
console.log(
  `naive ES ${naive.value.es.toFixed(2)} CNY; same tail: ${sameTail}; max |contribution difference| ${maxDiff.toExponential(2)} CNY`,
);
console.log(
  `allocation: ${fast.ms.toFixed(0)} ms vs naive ${naive.ms.toFixed(0)} ms (${(naive.ms / fast.ms).toFixed(0)}x); simulation ${sim.ms.toFixed(0)} ms; returns matrix ${mb(returns.byteLength)}; peak rss ${mb(peakRss)}`,
);
if (!sameTail || Math.abs(naive.value.es - fast.value.es) > 1e-6 * Math.abs(fast.value.es)) {
  console.error("MISMATCH between the naive and the exposure-based allocation");
  process.exit(1);
}
