// Money inputs (P2: amounts are decimals in fen, never floats rounded on the way in): an amount
// with more than 2 decimals is refused with a clear message, never rounded (0.005 is not 0.01).
// One schema for tRPC and the v1 API, and the same rule again in the services they call.
import Decimal from "decimal.js";
import { z } from "zod";
import { AppError } from "../errors";

/** Upper bound of any single money input, CNY. */
export const MONEY_INPUT_MAX = 1e11;
export const MONEY_SCALE_MESSAGE =
  "Amounts are CNY with at most 2 decimals (fen); more decimals are refused, not rounded.";

/** True when v is a finite number with at most 2 decimals in its shortest decimal form. */
export function hasAtMostTwoDecimals(v: number | string): boolean {
  if (typeof v === "number" && !Number.isFinite(v)) return false;
  try {
    const d = new Decimal(typeof v === "number" ? String(v) : v.trim());
    return d.isFinite() && d.decimalPlaces() <= 2;
  } catch {
    return false;
  }
}

export const moneyAmountSchema = z
  .number()
  .positive("The amount must be positive.")
  .max(MONEY_INPUT_MAX, `The amount must be at most ${MONEY_INPUT_MAX} CNY.`)
  .refine(hasAtMostTwoDecimals, MONEY_SCALE_MESSAGE)
  .meta({ multipleOf: 0.01, description: MONEY_SCALE_MESSAGE }); // the refinement, as the OpenAPI document states it

/** Service-side guard: the exact Decimal of a positive 2-decimal amount, or BAD_REQUEST. */
export function parseMoneyAmount(v: number | string): Decimal {
  if (!hasAtMostTwoDecimals(v)) throw new AppError("BAD_REQUEST", MONEY_SCALE_MESSAGE);
  const d = new Decimal(typeof v === "number" ? String(v) : v.trim());
  if (d.lte(0)) throw new AppError("BAD_REQUEST", "The amount must be positive.");
  if (d.gt(MONEY_INPUT_MAX)) throw new AppError("BAD_REQUEST", `The amount must be at most ${MONEY_INPUT_MAX} CNY.`);
  return d;
}
