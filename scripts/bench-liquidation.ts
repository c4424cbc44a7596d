// bench:liquidation (DESIGN 9): the R5 planner against a naive planner in the same run. Prints figures;
// no assertions. BENCH_PLANNER_ACCOUNTS and BENCH_NAIVE_SAMPLE change the sizes.
import { runPlannerBench } from "./bench-liquidation-planner";

runPlannerBench({
  accounts: Number(process.env.BENCH_PLANNER_ACCOUNTS ?? 10_000),
  naiveSample: Number(process.env.BENCH_NAIVE_SAMPLE ?? 1000),
});
