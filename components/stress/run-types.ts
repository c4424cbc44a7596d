// Client-side views of a stored run's results (the JSON the run service stores; shapes from server/stress).
import type { McSummary } from "@/server/stress/stress-job";
import type { RunKpis, RunSeries } from "@/server/stress/run-kpis";

export type Kpis = RunKpis;
export type Series = RunSeries & { mc: McSummary | null };

export function resultsOf(run: { kpis: Record<string, unknown> | null; series: Record<string, unknown> | null }) {
  if (!run.kpis || !run.series) return null;
  return { kpis: run.kpis as unknown as Kpis, series: run.series as unknown as Series };
}
