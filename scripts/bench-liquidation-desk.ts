// bench:liquidation:desk: the desk section of bench:liquidation alone (see ./bench-liquidation-desk-run.ts).
// BENCH_BASELINE=none|tickets|executions|both (default executions), BENCH_DISTRESSED, BENCH_HEALTHY,
// BENCH_EXECUTE=0 to skip the executions.
import { runDeskBench } from "./bench-liquidation-desk-run";

const baseline = process.env.BENCH_BASELINE ?? "executions";
if (!["none", "tickets", "executions", "both"].includes(baseline)) throw new Error(`BENCH_BASELINE=${baseline}?`);

runDeskBench(baseline as "none" | "tickets" | "executions" | "both").catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
