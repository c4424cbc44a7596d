// Entry of the stress worker thread (bundled by scripts/build-workers.mjs to .workers/stress-worker.mjs):
// one stress run (server/stress/stress-job.ts) or one parameter-impact evaluation (param-impact.ts) per
// call, its errors returned as data.
import { computeParamImpact, type ImpactJob } from "../stress/param-impact";
import { runStressJob, type StressJob } from "../stress/stress-job";
import type { ComputeReply } from "./compute-tasks";

export type StressWorkerJob = ({ kind: "run" } & StressJob) | ({ kind: "impact" } & ImpactJob);

export default function runStressWorkerJob(job: StressWorkerJob): ComputeReply {
  try {
    return { ok: true, value: job.kind === "impact" ? computeParamImpact(job) : runStressJob(job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { ok: false, code: "INTERNAL", message: e.message, internal: true, stack: e.stack };
  }
}
