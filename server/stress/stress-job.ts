// One stress run as a pure job (T2), run in the stress worker thread: a scenario's steps through
// simulateRun, or N Monte Carlo paths each through the same simulation, summarised (mean, p95, p99
// of the KPIs over paths; the worst path's KPIs and charts). Progress goes out on a MessagePort.
import type { MessagePort } from "node:worker_threads";
import { generateMcPath } from "./monte-carlo";
import { resolveStep, priceLimitOf } from "./resolve-step";
import { computeRunKpis, nearestRank, type RunKpis, type RunSeries } from "./run-kpis";
import type { MonteCarloSpec, ScenarioDef } from "./scenario-types";
import { simulatePath } from "./simulate-run";
import type { ResolvedStep, StressBook } from "./stress-book";

export interface StressJob {
  sb: StressBook;
  scenario: ScenarioDef | null;
  mc: MonteCarloSpec | null;
  progress?: MessagePort;
}

export interface McSummary {
  paths: number;
  seed: number;
  shortfall: Stat;
  liquidationNotional: Stat;
  accountsLiquidated: Stat;
  slippageP95Bps: Stat;
  pathFall: Stat; // minus the compounded index return of each path (a fall is positive)
  guaranteeFundInsufficient: number; // share of paths
  worstPath: number;
}
interface Stat {
  mean: number;
  p95: number;
  p99: number;
  max: number;
}

export interface StressJobResult {
  kpis: RunKpis;
  series: RunSeries;
  mc: McSummary | null;
}

function stat(values: number[]): Stat {
  const mean = values.reduce((a, b) => a + b, 0) / Math.max(1, values.length);
  return {
    mean,
    p95: nearestRank(values, 0.95) ?? 0,
    p99: nearestRank(values, 0.99) ?? 0,
    max: values.length ? Math.max(...values) : 0,
  };
}

export function runStressJob(job: StressJob): StressJobResult {
  const { sb } = job;
  let lastPost = 0;
  const report = (done: number, total: number) => {
    const now = Date.now();
    if (done < total && now - lastPost < 200) return;
    lastPost = now;
    job.progress?.postMessage({ done, total });
  };
  if (job.scenario) {
    const steps = job.scenario.steps.map((st) => resolveStep(st, sb));
    const total = steps.length;
    report(0, total);
    const outcome = simulatePath(sb, steps, { onStep: (d) => report(d, total) });
    return { ...computeRunKpis(sb, outcome), mc: null };
  }
  const spec = job.mc;
  if (!spec) throw new Error("stress job: neither a scenario nor a Monte Carlo spec");
  const n = sb.book.symbols.length;
  const shortfall: number[] = [];
  const notional: number[] = [];
  const liquidated: number[] = [];
  const slip: number[] = [];
  const pathFall: number[] = [];
  let insufficient = 0;
  let worst = -1;
  let worstResult: { kpis: RunKpis; series: RunSeries } | null = null;
  report(0, spec.paths);
  for (let p = 0; p < spec.paths; p += 1) {
    const path = generateMcPath(spec, p, sb.beta);
    const steps: ResolvedStep[] = path.symbolReturns.map((rets, t) => {
      const returns = new Float64Array(n);
      const limitDown = new Uint8Array(n);
      const suspended = new Uint8Array(n);
      for (let s = 0; s < n; s += 1) {
        const lim = priceLimitOf(sb.book.assetClass[s] ?? "");
        const r = rets[s] ?? 0;
        if (sb.suspended[s]) suspended[s] = 1;
        else if (r <= -lim) {
          returns[s] = -lim;
          limitDown[s] = 1;
        } else returns[s] = Math.min(lim, r);
      }
      return {
        label: `day ${t + 1}`,
        minutes: spec.minutesPerStep,
        indexReturn: path.indexReturns[t] ?? 0,
        returns,
        suspended,
        limitDown,
        volumeFactor: 1,
        volMultiplier: 1,
      };
    });
    const r = computeRunKpis(sb, simulatePath(sb, steps));
    shortfall.push(r.kpis.shortfall);
    notional.push(r.kpis.liquidationNotional);
    liquidated.push(r.kpis.tickets);
    slip.push(r.kpis.slippageP95Bps);
    pathFall.push(1 - path.indexReturns.reduce((a, x) => a * (1 + x), 1));
    if (!r.kpis.guaranteeFundSufficient) insufficient += 1;
    const better = worstResult
      ? r.kpis.shortfall > worstResult.kpis.shortfall ||
        (r.kpis.shortfall === worstResult.kpis.shortfall &&
          r.kpis.liquidationNotional > worstResult.kpis.liquidationNotional)
      : true;
    if (better) {
      worst = p;
      worstResult = r;
    }
    report(p + 1, spec.paths);
  }
  if (!worstResult) throw new Error("stress job: no Monte Carlo path");
  return {
    kpis: worstResult.kpis,
    series: worstResult.series,
    mc: {
      paths: spec.paths,
      seed: spec.seed,
      shortfall: stat(shortfall),
      liquidationNotional: stat(notional),
      accountsLiquidated: stat(liquidated),
      slippageP95Bps: stat(slip),
      pathFall: stat(pathFall),
      guaranteeFundInsufficient: insufficient / spec.paths,
      worstPath: worst,
    },
  };
}
