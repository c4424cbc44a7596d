// bench:liquidation (DESIGN 9): the R5 planner against a naive planner in the same run, then the desk:
// bar close -> 1,000 tickets persisted and pushed, and the minute's executions of them, each next to
// its baseline. Prints figures; no assertions. BENCH_PLANNER_ACCOUNTS and BENCH_NAIVE_SAMPLE change the
// planner's sizes; BENCH_BASELINE (none|tickets|executions|both, default executions) the desk's baselines.
import { runPlannerBench } from "./bench-liquidation-planner";
import { runDeskBench } from "./bench-liquidation-desk-run";

const baseline = process.env.BENCH_BASELINE ?? "executions";
if (!["none", "tickets", "executions", "both"].includes(baseline)) throw new Error(`BENCH_BASELINE=${baseline}?`);

runPlannerBench({
  accounts: Number(process.env.BENCH_PLANNER_ACCOUNTS ?? 10_000),
  naiveSample: Number(process.env.BENCH_NAIVE_SAMPLE ?? 1000),
});
runDeskBench(baseline as "none" | "tickets" | "executions" | "both").catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
