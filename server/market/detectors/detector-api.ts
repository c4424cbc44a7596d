// DESIGN 10 integration endpoints for the detectors and the volatility indicator: request
// schemas (bad series -> 400 with the error envelope) and the pure computations behind them.
import { z } from "zod";
import { ewmaVolatility } from "../indicators/volatility";
import { DEFAULT_HAZARD, runBocpd } from "./bocpd";
import { runCusum } from "./cusum";

export const MAX_POINTS = 100_000;
/**
 * BOCPD costs one Student-t evaluation per point and kept run length (~0.1 us each here), so the
 * work is capped at points x maxRunLength: 10 million is ~1.5 s of one worker thread.
 */
export const MAX_BOCPD_CELLS = 10_000_000;
// z.number() rejects NaN, Infinity, strings and null, so a non-numeric series is a 400.
const series = z
  .array(z.number({ error: "series values must be finite numbers" }))
  .min(1, "series must not be empty")
  .max(MAX_POINTS);

export const cusumBody = z.object({
  series,
  mean: z.number(),
  sd: z.number().positive("sd must be > 0"),
  k: z.number().nonnegative().default(0.5),
  h: z.number().positive().default(4),
});

export const bocpdBody = z
  .object({
    series,
    hazard: z.number().gt(0, "hazard must be in (0, 1)").lt(1, "hazard must be in (0, 1)").default(DEFAULT_HAZARD),
    prior: z
      .object({
        mu0: z.number(),
        kappa0: z.number().positive(),
        alpha0: z.number().positive(),
        beta0: z.number().positive(),
      })
      .default({ mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 }),
    maxRunLength: z.number().int().min(1).max(10_000).default(1000),
  })
  .superRefine((b, ctx) => {
    const cells = b.series.length * b.maxRunLength;
    if (cells > MAX_BOCPD_CELLS) {
      ctx.addIssue({
        code: "custom",
        path: ["maxRunLength"],
        message: `series length x maxRunLength must be at most ${MAX_BOCPD_CELLS.toLocaleString("en-US")} (got ${b.series.length.toLocaleString("en-US")} x ${b.maxRunLength.toLocaleString("en-US")}); send fewer points or a smaller maxRunLength`,
      });
    }
  });

export const volatilityBody = z.object({
  closes: z
    .array(z.number().positive("closes must be positive prices"))
    .min(2, "closes needs at least two prices")
    .max(MAX_POINTS),
  lambda: z.number().gt(0, "lambda must be in (0, 1)").lt(1, "lambda must be in (0, 1)").default(0.94),
});

export function detectCusum(body: z.infer<typeof cusumBody>) {
  return runCusum(body);
}

export function detectBocpd(body: z.infer<typeof bocpdBody>) {
  const r = runBocpd(body);
  return { runLengthMap: r.runLengthMap, expectedRunLength: r.expectedRunLength, truncated: r.truncated };
}

/** Closes so far apart that ln(c_t / c_{t-1}) or its square overflows are a 400, not nulls. */
export function computeVolatility(body: z.infer<typeof volatilityBody>) {
  const ewma = ewmaVolatility(body.closes, body.lambda);
  const at = ewma.findIndex((v) => !Number.isFinite(v));
  if (at >= 0) {
    throw new RangeError(
      `closes[${at}] -> closes[${at + 1}]: the return is too large to compute (the volatility is not a finite number); check the prices`,
    );
  }
  return { ewma };
}
