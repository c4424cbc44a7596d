// Entry of the compute pool's worker thread (bundled by scripts/build-workers.mjs to
// .workers/compute-worker.mjs). Runs one registered task and returns its value or its error as
// data (see ComputeReply).
import type { MessagePort } from "node:worker_threads";
import { isAppError } from "../errors";
import { RiskInputError } from "../risk/margin/risk-params";
import { computeTasks, isComputeTaskName, type ComputeReply } from "./compute-tasks";

export default function runComputeJob(job: { task: unknown; input: unknown; started?: MessagePort }): ComputeReply {
  // Tells the pool the job left the queue: its time limit starts now.
  job.started?.postMessage(1);
  if (!isComputeTaskName(job.task))
    return { ok: false, code: "INTERNAL", message: `unknown compute task ${String(job.task)}`, internal: true };
  try {
    const run = computeTasks[job.task] as (input: unknown) => unknown;
    return { ok: true, value: run(job.input) };
  } catch (err) {
    if (isAppError(err)) return { ok: false, code: err.code, message: err.message, internal: false };
    if (err instanceof RangeError || err instanceof RiskInputError)
      return { ok: false, code: "BAD_REQUEST", message: err.message, internal: false };
    const e = err instanceof Error ? err : new Error(String(err));
    return { ok: false, code: "INTERNAL", message: e.message, internal: true, stack: e.stack };
  }
}
