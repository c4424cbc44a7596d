// Entry of the stress worker thread (bundled by scripts/build-workers.mjs to .workers/stress-worker.mjs):
// one stress run (server/stress/stress-job.ts) per call, its errors returned as data.
import { runStressJob, type StressJob } from "../stress/stress-job";
import type { ComputeReply } from "./compute-tasks";

export default function runStressWorkerJob(job: StressJob): ComputeReply {
  try {
    return { ok: true, value: runStressJob(job) };
  } catch (err) {
    const e = err instanceof Error ? err : new Error(String(err));
    return { ok: false, code: "INTERNAL", message: e.message, internal: true, stack: e.stack };
  }
}
