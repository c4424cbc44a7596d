// The compute pool: jobs run off the calling thread (its event loop keeps turning), a job over
// its time limit is stopped with a TIMEOUT AppError, task errors come back as AppErrors across
// the thread boundary, and results equal the same pure function run inline.
import { afterAll, describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { detectBocpd, bocpdBody } from "../market/detectors/detector-api";
import { closeComputePool, runCompute } from "./compute-pool";

afterAll(() => closeComputePool());

const prior = { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 };
const series = (n: number) => Array.from({ length: n }, (_, i) => Math.sin(i / 7) + (i > n / 2 ? 3 : 0));

describe("compute pool", () => {
  it("returns what the task returns inline", async () => {
    const body = bocpdBody.parse({ series: series(500), hazard: 0.01, prior, maxRunLength: 100 });
    expect(await runCompute("detectors.bocpd", body)).toEqual(detectBocpd(body));
  });

  it("keeps the caller's event loop turning while a heavy job runs (largest gap < 100 ms)", async () => {
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
    // The job itself takes hundreds of ms; run inline it would be one gap of that size.
    expect(jobMs).toBeGreaterThan(200);
    expect(worstGap).toBeLessThan(100);
  });

  it("stops a job over its time limit with a TIMEOUT AppError, and the pool keeps serving", async () => {
    const body = bocpdBody.parse({ series: series(10_000), hazard: 0.004, prior, maxRunLength: 1_000 });
    const err = await runCompute("detectors.bocpd", body, { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe("TIMEOUT");
    expect((err as Error).message).toMatch(/0\.05 s time limit/);
    const small = bocpdBody.parse({ series: [1, 2, 3], prior, maxRunLength: 10 });
    expect((await runCompute("detectors.bocpd", small)).runLengthMap).toHaveLength(3);
  });

  it("brings a task's bad-input error back as a BAD_REQUEST AppError", async () => {
    const err = await runCompute("indicators.volatility", { closes: [1e-300, 1e300], lambda: 0.94 }).catch(
      (e: unknown) => e,
    );
    expect(isAppError(err) && err.code).toBe("BAD_REQUEST");
    expect((err as Error).message).toMatch(/not a finite number/);
  });
});
