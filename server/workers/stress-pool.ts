// The stress pool (DESIGN 8, T2): stress runs execute in their own worker thread, off the engine's
// thread and apart from the compute pool (a run may take minutes; request jobs must not wait behind
// it). One thread: on 2 cores the engine and the web keep the other. A run reports progress on a
// MessageChannel and is cancelled by aborting: piscina terminates the thread, so the CPU is freed at
// once and nothing the run computed survives.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { AppError } from "../errors";
import type { ImpactJob, ParamImpact } from "../stress/param-impact";
import type { StressJob, StressJobResult } from "../stress/stress-job";
import type { ComputeReply } from "./compute-tasks";

/** Runs waiting beyond the running one; more are refused (429). */
export const STRESS_MAX_QUEUE = 4;

const POOL_KEY = Symbol.for("minute-desk.stressPool");
type PoolHolder = { [POOL_KEY]?: Piscina };

function getPool(): Piscina {
  const g = globalThis as PoolHolder;
  if (g[POOL_KEY]) return g[POOL_KEY];
  const filename = path.join(process.cwd(), ".workers", "stress-worker.mjs");
  if (!fs.existsSync(filename))
    throw new Error(`The stress worker ${filename} is missing: run \`npm run build:workers\`.`);
  g[POOL_KEY] = new Piscina({
    filename,
    minThreads: 0,
    maxThreads: Math.max(1, Math.min(2, os.availableParallelism() - 1)),
    idleTimeout: 30_000,
    maxQueue: STRESS_MAX_QUEUE,
  });
  return g[POOL_KEY];
}

export interface StressRunOptions {
  signal: AbortSignal;
  onProgress: (done: number, total: number) => void;
}

export async function runStressInPool(
  job: Omit<StressJob, "progress">,
  opts: StressRunOptions,
): Promise<StressJobResult> {
  const channel = new MessageChannel();
  channel.port1.on("message", (m: { done: number; total: number }) => opts.onProgress(m.done, m.total));
  channel.port1.unref();
  let reply: ComputeReply;
  try {
    reply = (await getPool().run(
      { kind: "run", ...job, progress: channel.port2 },
      { signal: opts.signal, transferList: [channel.port2] },
    )) as ComputeReply;
  } catch (err) {
    const e = err as Error;
    if (e.name === "AbortError") throw new AppError("CONFLICT", "The run was cancelled.");
    if (/queue is at limit/i.test(e.message))
      throw new AppError("TOO_MANY_REQUESTS", "Too many stress runs are queued; retry when one has finished.", 30);
    throw err;
  } finally {
    channel.port1.close();
  }
  if (reply.ok) return reply.value as StressJobResult;
  const err = new Error(`stress run failed: ${reply.message}`);
  if (reply.stack) err.stack = reply.stack;
  throw err;
}

/** R2 impact of proposed parameters, in the same thread as the runs (it is a few runs itself). */
export async function runImpactInPool(job: ImpactJob, signal?: AbortSignal): Promise<ParamImpact> {
  let reply: ComputeReply;
  try {
    reply = (await getPool().run({ kind: "impact", ...job }, signal ? { signal } : {})) as ComputeReply;
  } catch (err) {
    if (/queue is at limit/i.test((err as Error).message))
      throw new AppError("TOO_MANY_REQUESTS", "The stress worker is busy; retry in a minute.", 30);
    throw err;
  }
  if (reply.ok) return reply.value as ParamImpact;
  const err = new Error(`parameter impact failed: ${reply.message}`);
  if (reply.stack) err.stack = reply.stack;
  throw err;
}

export function stressQueueIsFull(): boolean {
  const g = globalThis as PoolHolder;
  return (g[POOL_KEY]?.queueSize ?? 0) >= STRESS_MAX_QUEUE;
}

export async function closeStressPool(): Promise<void> {
  const g = globalThis as PoolHolder;
  const pool = g[POOL_KEY];
  delete g[POOL_KEY];
  if (pool) await pool.close({ force: true });
}
