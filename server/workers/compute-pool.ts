// The compute pool (DESIGN 8: nothing a request asks for may stall the engine). CPU-heavy request
// work runs in worker threads (piscina) with a per-job time limit; the engine, the bar builder and
// every other request keep the main thread.
//
//   const out = await runCompute("detectors.bocpd", body);                // default limit
//   const plan = await runCompute("liquidation.plan", input, { timeoutMs: 2_000, signal: req.signal });
//
// Refusals: a task's own bad-input error -> AppError BAD_REQUEST; over the time limit -> AppError
// TIMEOUT (the worker thread is terminated, so the CPU is freed at once); queue full -> AppError
// TOO_MANY_REQUESTS with Retry-After. Tasks are registered in compute-tasks.ts; the worker file is
// the bundle .workers/compute-worker.mjs (`npm run build:workers`, run by build, dev and the tests),
// since neither `next start` nor a plain Node worker thread can load TypeScript sources.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { AppError } from "../errors";
import type { ComputeInput, ComputeOutput, ComputeReply, ComputeTaskName } from "./compute-tasks";

/** Per-job time limit (from the moment a thread starts it) unless the caller sets one: the largest allowed job takes ~1.5 s on an idle core. */
export const DEFAULT_COMPUTE_TIMEOUT_MS = 10_000;
/** How long a job may wait for a free thread before it is refused as busy (429). */
export const COMPUTE_MAX_WAIT_MS = 30_000;
/** Jobs waiting beyond the running ones; more are refused (429) rather than queued for minutes. */
export const COMPUTE_MAX_QUEUE = 32;

export interface ComputeOptions {
  timeoutMs?: number;
  /** Aborts the job (e.g. the client went away). */
  signal?: AbortSignal;
}

export function computeWorkerFile(): string {
  return path.join(process.cwd(), ".workers", "compute-worker.mjs");
}

const POOL_KEY = Symbol.for("minute-desk.computePool");
type PoolHolder = { [POOL_KEY]?: Piscina };

function getPool(): Piscina {
  const g = globalThis as PoolHolder;
  if (g[POOL_KEY]) return g[POOL_KEY];
  const filename = computeWorkerFile();
  if (!fs.existsSync(filename))
    throw new Error(`The compute worker ${filename} is missing: run \`npm run build:workers\`.`);
  // One core stays with the engine and the web thread; 2-core machines get one worker.
  const threads = Math.max(1, Math.min(4, os.availableParallelism() - 1));
  g[POOL_KEY] = new Piscina({
    filename,
    minThreads: 0,
    maxThreads: threads,
    idleTimeout: 30_000,
    maxQueue: COMPUTE_MAX_QUEUE,
  });
  return g[POOL_KEY];
}

/** Runs a registered task in the pool; see the module header for the refusals. */
export async function runCompute<K extends ComputeTaskName>(
  task: K,
  input: ComputeInput<K>,
  opts: ComputeOptions = {},
): Promise<ComputeOutput<K>> {
  const timeoutMs = opts.timeoutMs ?? DEFAULT_COMPUTE_TIMEOUT_MS;
  // The time limit counts from the moment a thread picks the job up (the worker says so on
  // `started`), so a job queued behind others is not charged for their time; the wait has its own cap.
  const stop = new AbortController();
  let reason: "timeout" | "wait" | null = null;
  const abortFor = (why: "timeout" | "wait") => {
    reason ??= why;
    stop.abort();
  };
  const waitTimer = setTimeout(() => abortFor("wait"), COMPUTE_MAX_WAIT_MS);
  let runTimer: NodeJS.Timeout | undefined;
  const started = new MessageChannel();
  started.port1.once("message", () => {
    clearTimeout(waitTimer);
    runTimer = setTimeout(() => abortFor("timeout"), timeoutMs);
  });
  started.port1.unref();
  const signal = opts.signal ? AbortSignal.any([stop.signal, opts.signal]) : stop.signal;
  let reply: ComputeReply;
  try {
    reply = (await getPool().run(
      { task, input, started: started.port2 },
      { signal, transferList: [started.port2] },
    )) as ComputeReply;
  } catch (err) {
    const e = err as Error;
    if (e.name === "AbortError" && reason === "timeout") {
      throw new AppError(
        "TIMEOUT",
        `The job ran over its ${(timeoutMs / 1000).toLocaleString("en-US")} s time limit and was stopped; ask for less work.`,
      );
    }
    if ((e.name === "AbortError" && reason === "wait") || /queue is at limit/i.test(e.message)) {
      throw new AppError("TOO_MANY_REQUESTS", "The compute pool is busy; retry in a few seconds.", 5);
    }
    if (e.name === "AbortError") throw new AppError("BAD_REQUEST", "The request was cancelled.");
    throw err;
  } finally {
    clearTimeout(waitTimer);
    clearTimeout(runTimer);
    started.port1.close();
  }
  if (reply.ok) return reply.value as ComputeOutput<K>;
  if (reply.internal) {
    const err = new Error(`compute task ${task} failed: ${reply.message}`);
    if (reply.stack) err.stack = reply.stack;
    throw err;
  }
  throw new AppError(reply.code as AppError["code"], reply.message);
}

/** Stops the pool's threads (tests, shutdown); the next runCompute starts a new pool. */
export async function closeComputePool(): Promise<void> {
  const g = globalThis as PoolHolder;
  const pool = g[POOL_KEY];
  delete g[POOL_KEY];
  if (pool) await pool.close({ force: true });
}
