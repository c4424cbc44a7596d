// The compute pool: jobs run off the calling thread (its event loop keeps turning), a job over
// its time limit is stopped with a TIMEOUT AppError, task errors come back as AppErrors across
// the thread boundary, and results equal the same pure function run inline.
import { afterAll, describe, expect, it } from "vitest";
// @ts-expect-error plain JavaScript config without type declarations
import nextConfig from "../../next.config.js";
import { isAppError } from "../errors";
import { detectBocpd, bocpdBody } from "../market/detectors/detector-api";
import { closeComputePool, runCompute } from "./compute-pool";

afterAll(() => closeComputePool());

const prior = { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 };
const series = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(i / 7) + (i > n / 2 ? 3 : 0));

// Worker start-up and the jobs take seconds on a loaded 2-core machine.
describe("compute pool", { timeout: 60_000 }, () => {
  it("returns what the task returns inline", async () => {
    const body = bocpdBody.parse({ series: series(500), hazard: 0.01, prior, maxRunLength: 100 });
    expect(await runCompute("detectors.bocpd", body)).toEqual(detectBocpd(body));
  });

  it("keeps the caller's event loop turning while a heavy job runs", async () => {
    const body = bocpdBody.parse({ series: series(10_000), hazard: 0.004, prior, maxRunLength: 1_000 });
    let last = performance.now();
    let worstGap = 0;
    const timer = setInterval(() => {
      const now = performance.now();
      worstGap = Math.max(worstGap, now - last);
      last = now;
    }, 5);
    const started = performance.now();
    const out = await runCompute("detectors.bocpd", body);
    const jobMs = performance.now() - started;
    clearInterval(timer);
    expect(out.runLengthMap).toHaveLength(10_000);
    // Run inline, the job would be one gap as long as the job; off-thread the timer keeps firing
    // (the bound leaves room for the OS descheduling this process on a loaded machine).
    expect(jobMs).toBeGreaterThan(200);
    expect(worstGap).toBeLessThan(Math.max(100, jobMs / 4));
  });

  it("stops a job over its time limit with a TIMEOUT AppError, and the pool keeps serving", async () => {
    const body = bocpdBody.parse({ series: series(10_000), hazard: 0.004, prior, maxRunLength: 1_000 });
    const err = await runCompute("detectors.bocpd", body, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("TIMEOUT");
    expect((err as Error).message).toMatch(/0\.05 s time limit/);
    const small = bocpdBody.parse({ series: [1, 2, 3], prior, maxRunLength: 10 });
    expect((await runCompute("detectors.bocpd", small)).runLengthMap).toHaveLength(3);
  });

  it("keeps piscina outside the server bundle (bundled, it looks for its worker under /ROOT/node_modules)", () => {
    expect((nextConfig as { serverExternalPackages: string[] }).serverExternalPackages).toContain("piscina");
  });

  it("brings a task's bad-input error back as a BAD_REQUEST AppError", async () => {
    const err = await runCompute("indicators.volatility", { closes: [1e-300, 1e300], lambda: 0.94 }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err) && err.code).toBe("BAD_REQUEST");
    expect((err as Error).message).toMatch(/not a finite number/);
  });
});
