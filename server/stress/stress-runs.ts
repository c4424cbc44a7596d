// Stress runs (T2): start, progress with ETA, cancel, read, list and compare. A run is a StressRun row
// (QUEUED -> RUNNING -> DONE | FAILED | CANCELLED) and a job in the stress worker pool. Its results
// are written by ONE conditional UPDATE that also marks it DONE and only while it is still running, so
// a cancelled run (or one interrupted by a restart) never ends up with half its results. Progress lives
// in this process (a runs registry on globalThis: route handlers and the instrumentation bundle load
// their own copies of this module) and is not persisted; a QUEUED/RUNNING row this process does not
// know was interrupted by a restart and is reported, and marked, FAILED.
import { z } from "zod";
import { appendAuditEvent } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import { AppError } from "../errors";
import { domainLog } from "../log";
import type { RiskReadDeps } from "../risk/live-book";
import { runStressInPool, stressQueueIsFull } from "../workers/stress-pool";
import { DEFAULT_MC_SPEC } from "./monte-carlo";
import { findScenario, MONTE_CARLO_ID } from "./scenario-library";
import type { MonteCarloSpec, ScenarioDef } from "./scenario-types";
import { digestStressBook, takeStressSnapshot } from "./stress-snapshot";

const log = domainLog("stress");

/** Caps on the work one request may ask for (DESIGN 10); each refusal is a 400 that names the cap. */
export const STRESS_CAPS = {
  paths: 1_000,
  mcSteps: 20,
  minutes: 14_400, // 60 trading days of 240 minutes
  accounts: 200_000,
  // paths x accounts: 1,000 paths over a 20,000-account book, or 200 over 100,000. bench:stress measured
  // 1e7 account-paths at about 400 s on a loaded two-core machine, so a run at the cap keeps one pool
  // thread for some 15 minutes; the earlier 1e8 would have held it for over an hour.
  accountPaths: 20_000_000,
} as const;

export const startRunInput = z.object({
  scenarioId: z.string().min(1).max(64),
  paths: z.number().int().min(1).optional(),
  seed: z
    .number()
    .int()
    .min(0)
    .max(2 ** 31 - 1)
    .optional(),
  steps: z.number().int().min(1).optional(),
});
export type StartRunInput = z.infer<typeof startRunInput>;

export const RUN_STATUSES = ["QUEUED", "RUNNING", "DONE", "FAILED", "CANCELLED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

interface LiveRun {
  abort: AbortController;
  done: number;
  total: number;
  startedAt: number | null;
}
const REGISTRY_KEY = Symbol.for("minute-desk.stressRuns");
type Holder = { [REGISTRY_KEY]?: Map<string, LiveRun> };
function registry(): Map<string, LiveRun> {
  const g = globalThis as Holder;
  g[REGISTRY_KEY] ??= new Map();
  return g[REGISTRY_KEY];
}

const n = (v: number) => v.toLocaleString("en-US");

function checkCaps(
  input: StartRunInput,
  scenario: ScenarioDef | null,
): { paths: number; mc: Omit<MonteCarloSpec, "seed"> | null } {
  if (scenario) {
    if (input.paths !== undefined && input.paths !== 1)
      throw new AppError(
        "BAD_REQUEST",
        "paths: a historical or synthetic scenario is one path; paths are for Monte Carlo.",
      );
    const minutes = scenario.steps.reduce((a, s) => a + s.minutes, 0);
    if (minutes > STRESS_CAPS.minutes)
      throw new AppError(
        "BAD_REQUEST",
        `The scenario spans ${n(minutes)} minutes, over the cap of ${n(STRESS_CAPS.minutes)} minutes a run.`,
      );
    return { paths: 1, mc: null };
  }
  const paths = input.paths ?? 100;
  if (paths > STRESS_CAPS.paths)
    throw new AppError(
      "BAD_REQUEST",
      `paths: at most ${n(STRESS_CAPS.paths)} Monte Carlo paths a run (asked ${n(paths)}).`,
    );
  const steps = input.steps ?? DEFAULT_MC_SPEC.steps;
  if (steps > STRESS_CAPS.mcSteps)
    throw new AppError(
      "BAD_REQUEST",
      `steps: at most ${n(STRESS_CAPS.mcSteps)} days a Monte Carlo path (asked ${n(steps)}).`,
    );
  return { paths, mc: { ...DEFAULT_MC_SPEC, steps, paths } };
}

/** The work cap of a run: paths x accounts; the refusal says how many paths this book allows. */
export function checkAccountPaths(paths: number, accounts: number): void {
  if (paths * accounts > STRESS_CAPS.accountPaths)
    throw new AppError(
      "BAD_REQUEST",
      `paths: ${n(paths)} paths x ${n(accounts)} accounts is over the cap of ${n(STRESS_CAPS.accountPaths)} account-paths a run; ask for at most ${n(Math.floor(STRESS_CAPS.accountPaths / Math.max(1, accounts)))} paths.`,
    );
}

export async function startStressRun(
  deps: RiskReadDeps,
  user: SessionUser,
  input: StartRunInput,
): Promise<{ id: string }> {
  const scenario = await findScenario(deps.prisma, input.scenarioId);
  if (!scenario && input.scenarioId !== MONTE_CARLO_ID)
    throw new AppError("NOT_FOUND", `No stress scenario ${input.scenarioId}.`);
  if (scenario && input.steps !== undefined)
    throw new AppError("BAD_REQUEST", "steps: only a Monte Carlo run takes a number of days.");
  const { paths, mc } = checkCaps(input, scenario);
  if (stressQueueIsFull())
    throw new AppError("TOO_MANY_REQUESTS", "Too many stress runs are queued; retry when one has finished.", 30);
  const sb = await takeStressSnapshot(deps);
  const accounts = sb.book.accountIds.length;
  if (accounts > STRESS_CAPS.accounts)
    throw new AppError(
      "BAD_REQUEST",
      `The book has ${n(accounts)} accounts, over the cap of ${n(STRESS_CAPS.accounts)} a run.`,
    );
  checkAccountPaths(paths, accounts);
  const seed = mc ? (input.seed ?? Math.floor(Math.random() * 2 ** 31)) : null;
  const bookDigest = digestStressBook(sb);
  const row = await deps.prisma.stressRun.create({
    data: {
      scenarioId: input.scenarioId,
      scenarioName: scenario?.name ?? "Monte Carlo GARCH(1,1)-t",
      kind: scenario?.kind ?? "MONTE_CARLO",
      status: "QUEUED",
      paths,
      seed,
      paramVersion: sb.paramVersion,
      accounts,
      createdById: user.id,
      createdByEmail: user.email,
      bookDigest,
    },
  });
  await appendAuditEvent(deps.prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "stress.run.start",
    targetType: "StressRun",
    targetId: row.id,
    after: { scenarioId: input.scenarioId, paths, seed, paramVersion: sb.paramVersion, accounts, bookDigest },
  });
  const live: LiveRun = { abort: new AbortController(), done: 0, total: 0, startedAt: null };
  registry().set(row.id, live);
  const prisma = deps.prisma;
  void (async () => {
    try {
      const result = await runStressInPool(
        { sb, scenario, mc: mc && seed !== null ? { ...mc, seed } : null },
        {
          signal: live.abort.signal,
          onProgress: (done, total) => {
            if (live.startedAt === null) {
              live.startedAt = Date.now();
              void prisma.stressRun
                .updateMany({
                  where: { id: row.id, status: "QUEUED" },
                  data: { status: "RUNNING", startedAt: new Date() },
                })
                .catch((err: unknown) => log.error({ err, run: row.id }, "stress run: marking RUNNING failed"));
            }
            live.done = done;
            live.total = total;
          },
        },
      );
      const written = await prisma.stressRun.updateMany({
        where: { id: row.id, status: { in: ["QUEUED", "RUNNING"] } },
        data: {
          status: "DONE",
          finishedAt: new Date(),
          kpis: JSON.parse(JSON.stringify(result.kpis)) as object,
          series: JSON.parse(JSON.stringify({ ...result.series, mc: result.mc })) as object,
        },
      });
      if (written.count === 1)
        await appendAuditEvent(prisma, {
          actorEmail: "system:stress",
          action: "stress.run.finish",
          targetType: "StressRun",
          targetId: row.id,
          after: {
            status: "DONE",
            shortfall: result.kpis.shortfall,
            liquidationNotional: result.kpis.liquidationNotional,
          },
        });
    } catch (err) {
      const cancelled = live.abort.signal.aborted;
      if (!cancelled) {
        log.error({ err, run: row.id }, "stress run failed");
        const message = err instanceof AppError ? err.message : "The run failed on the server; see the server log.";
        await prisma.stressRun
          .updateMany({
            where: { id: row.id, status: { in: ["QUEUED", "RUNNING"] } },
            data: { status: "FAILED", finishedAt: new Date(), error: message },
          })
          .catch((e: unknown) => log.error({ err: e, run: row.id }, "stress run: marking FAILED failed"));
      }
    } finally {
      registry().delete(row.id);
    }
  })();
  return { id: row.id };
}

export async function cancelStressRun(deps: Pick<RiskReadDeps, "prisma">, user: SessionUser, id: string) {
  const row = await deps.prisma.stressRun.findUnique({ where: { id }, select: { status: true, createdById: true } });
  if (!row) throw new AppError("NOT_FOUND", `No stress run ${id}.`);
  if (row.createdById !== user.id && user.role !== "MANAGER")
    throw new AppError("FORBIDDEN", "Only the user who started a run, or a manager, cancels it.");
  // The row first: once it says CANCELLED, no result can be written for it.
  const changed = await deps.prisma.stressRun.updateMany({
    where: { id, status: { in: ["QUEUED", "RUNNING"] } },
    data: { status: "CANCELLED", finishedAt: new Date() },
  });
  if (changed.count === 0) throw new AppError("CONFLICT", `The run is already ${row.status.toLowerCase()}.`);
  registry().get(id)?.abort.abort();
  await appendAuditEvent(deps.prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "stress.run.cancel",
    targetType: "StressRun",
    targetId: id,
    before: { status: row.status },
    after: { status: "CANCELLED" },
  });
  return { id, status: "CANCELLED" as const };
}

type RunRow = NonNullable<Awaited<ReturnType<Pick<RiskReadDeps, "prisma">["prisma"]["stressRun"]["findUnique"]>>>;

function present(row: RunRow, withResults: boolean) {
  const live = registry().get(row.id);
  let status = row.status as RunStatus;
  let error = row.error;
  if ((status === "QUEUED" || status === "RUNNING") && !live) {
    status = "FAILED";
    error = "Interrupted: the server restarted while the run was in progress.";
  }
  const progress = status === "DONE" ? 1 : live && live.total > 0 ? Math.min(1, live.done / live.total) : 0;
  const elapsed = live?.startedAt ? (Date.now() - live.startedAt) / 1000 : null;
  const etaSeconds =
    status === "RUNNING" || status === "QUEUED"
      ? elapsed !== null && progress > 0 && progress < 1
        ? Math.round((elapsed * (1 - progress)) / progress)
        : null
      : null;
  return {
    id: row.id,
    scenarioId: row.scenarioId,
    scenarioName: row.scenarioName,
    kind: row.kind,
    status,
    progress,
    etaSeconds,
    paths: row.paths,
    seed: row.seed,
    paramVersion: row.paramVersion,
    accounts: row.accounts,
    createdByEmail: row.createdByEmail,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    error,
    bookDigest: row.bookDigest,
    kpis: withResults && status === "DONE" ? (row.kpis as Record<string, unknown> | null) : null,
    series: withResults && status === "DONE" ? (row.series as Record<string, unknown> | null) : null,
  };
}
export type StressRunView = ReturnType<typeof present>;

async function markInterrupted(prisma: RiskReadDeps["prisma"], rows: RunRow[]) {
  const stale = rows.filter((r) => (r.status === "QUEUED" || r.status === "RUNNING") && !registry().has(r.id));
  if (stale.length === 0) return;
  await prisma.stressRun.updateMany({
    where: { id: { in: stale.map((r) => r.id) }, status: { in: ["QUEUED", "RUNNING"] } },
    data: {
      status: "FAILED",
      finishedAt: new Date(),
      error: "Interrupted: the server restarted while the run was in progress.",
    },
  });
}

export async function getStressRun(deps: Pick<RiskReadDeps, "prisma">, id: string): Promise<StressRunView> {
  const row = await deps.prisma.stressRun.findUnique({ where: { id } });
  if (!row) throw new AppError("NOT_FOUND", `No stress run ${id}.`);
  await markInterrupted(deps.prisma, [row]);
  return present(row, true);
}

export async function listStressRuns(deps: Pick<RiskReadDeps, "prisma">, limit: number): Promise<StressRunView[]> {
  const rows = await deps.prisma.stressRun.findMany({ orderBy: { createdAt: "desc" }, take: limit });
  await markInterrupted(deps.prisma, rows);
  return rows.map((r) => present(r, false));
}

/** Two or more finished runs side by side (their KPIs and series). */
export async function compareStressRuns(deps: Pick<RiskReadDeps, "prisma">, ids: string[]): Promise<StressRunView[]> {
  const rows = await deps.prisma.stressRun.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.map((id) => {
    const r = byId.get(id);
    if (!r) throw new AppError("NOT_FOUND", `No stress run ${id}.`);
    return present(r, true);
  });
}

/** True while this process still runs the job (tests wait on it; the UI reads status instead). */
export function isStressRunActive(id: string): boolean {
  return registry().has(id);
}
