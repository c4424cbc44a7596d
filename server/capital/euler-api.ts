// DESIGN 10 `POST /api/v1/capital/euler`: the request schema with its work caps (a request over a
// cap is a 400 that names it) and the computation the compute pool runs.
import { z } from "zod";
import { AppError } from "../errors";
import { eulerAllocation } from "./euler";
import { parseJsonText } from "../api/parse-json-text";

/** Caps: the 1 MB body cap binds first for dense matrices; these keep the sort and the column pass small. */
export const EULER_MAX_SCENARIOS = 100_000;
export const EULER_MAX_UNITS = 2_000;
export const EULER_MAX_CELLS = 500_000;

export const eulerBody = z
  .object({
    losses: z
      .array(z.array(z.number({ error: "losses must be finite numbers" })).min(1, "a scenario needs at least one unit"))
      .min(1, "losses must have at least one scenario")
      .max(EULER_MAX_SCENARIOS, `losses may have at most ${EULER_MAX_SCENARIOS.toLocaleString("en-US")} scenarios`),
    alpha: z.number().gt(0, "alpha must be in (0, 1)").lt(1, "alpha must be in (0, 1)"),
  })
  .superRefine((b, ctx) => {
    const m = b.losses[0]?.length ?? 0;
    if (m > EULER_MAX_UNITS) {
      ctx.addIssue({
        code: "custom",
        path: ["losses", 0],
        message: `losses may have at most ${EULER_MAX_UNITS.toLocaleString("en-US")} columns (units), got ${m.toLocaleString("en-US")}`,
      });
      return;
    }
    const bad = b.losses.findIndex((row) => row.length !== m);
    if (bad >= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["losses", bad],
        message: `every scenario needs the same number of units: losses[${bad}] has ${b.losses[bad]?.length}, losses[0] has ${m}`,
      });
      return;
    }
    const cells = b.losses.length * m;
    if (cells > EULER_MAX_CELLS) {
      ctx.addIssue({
        code: "custom",
        path: ["losses"],
        message: `scenarios x units may be at most ${EULER_MAX_CELLS.toLocaleString("en-US")} (got ${cells.toLocaleString("en-US")})`,
      });
    }
  });

export type EulerBody = z.infer<typeof eulerBody>;

/** Row sums of very large finite losses can overflow to Infinity: that is bad input, not a 500. */
export function computeEuler(body: EulerBody) {
  const r = eulerAllocation(body.losses, body.alpha);
  if (!Number.isFinite(r.es) || !Number.isFinite(r.var) || r.contributions.some((c) => !Number.isFinite(c)))
    throw new RangeError("losses are too large: the portfolio loss overflows a double; scale them down");
  return r;
}

/**
 * The whole request in the worker: parses the body text (a "__proto__" key is refused, as the
 * shared v1 parser does), validates it and computes, so a 1 MB matrix costs the server's own
 * thread nothing but reading the bytes. Bad input is an AppError BAD_REQUEST naming the problem.
 */
export function computeEulerFromJson(text: string) {
  const raw = parseJsonText(text);
  const parsed = eulerBody.safeParse(raw);
  if (!parsed.success) {
    // One message per distinct problem (a bad value repeated 100,000 times is reported once).
    const messages = [
      ...new Set(parsed.error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message))),
    ];
    const shown = messages.slice(0, 5).join("; ");
    throw new AppError("BAD_REQUEST", messages.length > 5 ? `${shown}; and ${messages.length - 5} more` : shown);
  }
  return computeEuler(parsed.data);
}
