// bench:liquidation, the planner part (R5, DESIGN 9): plans per second for 10,000 distressed accounts
// (10 positions each, 5-level books on most, some T+1 and suspended shares; ML between 0.2 and 1.0)
// with planLiquidation, against the naive planner that re-evaluates the whole account with the margin
// model after every lot, in the same run and on the same accounts. Fixed-seed PRNG: runs are comparable.
import os from "node:os";
import { evaluateAccount } from "../server/risk/margin/margin-model";
import { DEFAULT_RISK_PARAMS as P } from "../server/risk/margin/risk-params";
import { planLiquidationNaively } from "../server/liquidation/planner/naive-planner";
import { planLiquidation } from "../server/liquidation/planner/plan-liquidation";
import { DEFAULT_PLANNER_PARAMS as PP } from "../server/liquidation/planner/planner-params";
import type { BookLevel, LiquidationPlan, PlanInput, PlannerPosition } from "../server/liquidation/planner/types";

function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateDistressedAccounts(n: number, seed = 7): PlanInput[] {
  const rnd = mulberry32(seed);
  const out: PlanInput[] = [];
  for (let a = 0; a < n; a += 1) {
    const positions: PlannerPosition[] = Array.from({ length: 10 }, (_, i) => {
      const price = 3 + rnd() * 100;
      const qty = (1 + Math.floor(rnd() * 50)) * 100;
      const tick = Math.max(0.01, Math.round(price * 0.0005 * 100) / 100);
      const bids: BookLevel[] = Array.from({ length: 5 }, (_, l) => [
        Math.max(0.01, price - tick * (l + 1)),
        (1 + Math.floor(rnd() * 30)) * 100,
      ]);
      return {
        symbol: `S${a}-${i}`,
        qty,
        price,
        assetClass: rnd() < 0.3 ? "GROWTH" : "MAIN_BOARD",
        liquidityTier: rnd() < 0.2 ? "T1" : rnd() < 0.6 ? "T2" : "T3",
        sigma: 0.0005 + rnd() * 0.003,
        adv: Math.exp(17 + rnd() * 5),
        sellableQty: rnd() < 0.1 ? Math.floor(qty / 200) * 100 : qty,
        hedged: rnd() < 0.2 ? 1 : 0,
        feeContribution: rnd() * 500,
        ...(rnd() < 0.8 ? { book: { bids } } : {}),
        ...(rnd() < 0.02 ? { suspended: true } : {}),
      };
    });
    const r = evaluateAccount({ cash: 0, debt: 0, positions }, P);
    const ml = 0.2 + rnd() * 0.8; // distressed: from hard floor to just under the liquidation line
    out.push({ cash: 0, debt: r.marketValue - ml * r.maintenanceMargin, positions });
  }
  return out;
}

const sameLegs = (a: LiquidationPlan, b: LiquidationPlan) =>
  a.legs.length === b.legs.length && a.legs.every((l, i) => l.symbol === b.legs[i]?.symbol && l.qty === b.legs[i]?.qty);

function time<T>(f: () => T): { ms: number; value: T } {
  const t0 = performance.now();
  const value = f();
  return { ms: performance.now() - t0, value };
}

export function runPlannerBench(opts: { accounts?: number; naiveSample?: number } = {}) {
  const n = opts.accounts ?? 10_000;
  const sample = Math.min(n, opts.naiveSample ?? 1000);
  const accounts = generateDistressedAccounts(n);
  // First pass cold (what a freshly started engine sees), then the best of three warm passes.
  const cold = time(() => accounts.map((a) => planLiquidation(a, P, PP)));
  const fast =
    [0, 1, 2].map(() => time(() => accounts.map((a) => planLiquidation(a, P, PP)))).sort((a, b) => a.ms - b.ms)[0] ??
    cold;
  // Load-independent yardstick: one margin-model evaluation of every account (what the tick does anyway).
  const evalOnce =
    [0, 1, 2].map(() => time(() => accounts.map((a) => evaluateAccount(a, P)))).sort((a, b) => a.ms - b.ms)[0] ?? cold;
  accounts.slice(0, Math.min(sample, 200)).forEach((a) => planLiquidationNaively(a, P, PP));
  const naive = time(() => accounts.slice(0, sample).map((a) => planLiquidationNaively(a, P, PP)));
  const agree = naive.value.filter((p, i) => {
    const f = fast.value[i];
    return f !== undefined && sameLegs(p, f);
  }).length;
  const fastRate = (n / fast.ms) * 1000;
  const naiveRate = (sample / naive.ms) * 1000;
  const reachable = fast.value.filter((p) => p.reachable).length;
  const legs = fast.value.reduce((s, p) => s + p.legs.length, 0);
  console.log(
    `planner: ${n} distressed accounts x 10 positions (${reachable} reachable, ${n - reachable} with a shortfall, ${legs} legs)`,
  );
  console.log(
    `  planLiquidation  ${cold.ms.toFixed(0).padStart(7)} ms  ${((n / cold.ms) * 1000).toFixed(0).padStart(8)} plans/s  first pass (cold JIT)`,
  );
  console.log(
    `  planLiquidation  ${fast.ms.toFixed(0).padStart(7)} ms  ${fastRate.toFixed(0).padStart(8)} plans/s  (${((fast.ms / n) * 1000).toFixed(1)} us/plan), best of 3 warm passes`,
  );
  console.log(
    `  naive (per lot)  ${naive.ms.toFixed(0).padStart(7)} ms  ${naiveRate.toFixed(0).padStart(8)} plans/s  on the first ${sample} accounts, warm`,
  );
  console.log(
    `  evaluateAccount  ${evalOnce.ms.toFixed(0).padStart(7)} ms  once per account (yardstick): a plan costs ${(fast.ms / evalOnce.ms).toFixed(1)} evaluations`,
  );
  console.log(`  load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores`);
  console.log(
    `  speed-up x${(fastRate / naiveRate).toFixed(1)}; same legs as the naive planner on ${agree}/${sample} accounts`,
  );
  return { fastRate, naiveRate, agree, sample };
}
