// R8 loss waterfall, pure and in decimals: a negative equity left after liquidation is absorbed in order
// by the client's margin, the platform's risk capital, the third-party guarantee fund, then the junior and
// senior funding tranches. Each layer takes min(remaining loss, its balance); a loss beyond every layer is
// reported as unabsorbed (never silently dropped). Amounts are rounded to the fen; the loss is rounded up
// so the layers cover every fen of it.
import Decimal from "decimal.js";

export type WaterfallLayer = "CLIENT_MARGIN" | "RISK_CAPITAL" | "GUARANTEE_FUND" | "JUNIOR_TRANCHE" | "SENIOR_TRANCHE";
export const WATERFALL_ORDER: readonly WaterfallLayer[] = [
  "CLIENT_MARGIN",
  "RISK_CAPITAL",
  "GUARANTEE_FUND",
  "JUNIOR_TRANCHE",
  "SENIOR_TRANCHE",
];

export interface LayerAllocation {
  layer: WaterfallLayer;
  balanceBefore: Decimal;
  absorbed: Decimal;
  balanceAfter: Decimal;
}

export interface WaterfallResult {
  loss: Decimal;
  allocations: LayerAllocation[]; // every layer, in order (absorbed 0 for untouched ones)
  absorbed: Decimal;
  unabsorbed: Decimal;
}

export class WaterfallInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WaterfallInputError";
  }
}

function toAmount(v: Decimal.Value, what: string, rounding: Decimal.Rounding): Decimal {
  let d: Decimal;
  try {
    d = new Decimal(v);
  } catch {
    throw new WaterfallInputError(`${what}: not a number (${String(v)}).`);
  }
  if (!d.isFinite() || d.isNeg())
    throw new WaterfallInputError(`${what}: must be a finite amount of zero or more (got ${d.toString()}).`);
  return d.toDecimalPlaces(2, rounding);
}

/** Allocates `loss` (a positive CNY amount: minus the negative equity) across the layers' balances. */
export function allocateLoss(
  loss: Decimal.Value,
  balances: Readonly<Record<WaterfallLayer, Decimal.Value>>,
): WaterfallResult {
  const total = toAmount(loss, "loss", Decimal.ROUND_UP);
  let rest = total;
  const allocations = WATERFALL_ORDER.map((layer): LayerAllocation => {
    const balanceBefore = toAmount(balances[layer], `balance of ${layer}`, Decimal.ROUND_DOWN);
    const absorbed = Decimal.min(rest, balanceBefore);
    rest = rest.minus(absorbed);
    return { layer, balanceBefore, absorbed, balanceAfter: balanceBefore.minus(absorbed) };
  });
  return { loss: total, allocations, absorbed: total.minus(rest), unabsorbed: rest };
}
