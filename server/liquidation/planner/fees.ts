// Sell-side fees of one leg (R5, R7): commission (rate with a per-order minimum), stamp duty (sells only)
// and the exchange transfer fee, each rounded to the fen as brokers charge them. Fees reduce proceeds.
import type { FeeParams, LegFees } from "./types";

const toFen = (x: number) => Math.round(x * 100) / 100;

/** Fees for selling shares worth `gross` CNY in one order. */
export function computeSellFees(gross: number, fees: FeeParams): LegFees {
  if (!(gross > 0)) return { commission: 0, stampDuty: 0, transferFee: 0, total: 0 };
  const commission = toFen(Math.max(fees.commissionMin, gross * fees.commissionRate));
  const stampDuty = toFen(gross * fees.stampDutyRate);
  const transferFee = toFen(gross * fees.transferFeeRate);
  return { commission, stampDuty, transferFee, total: toFen(commission + stampDuty + transferFee) };
}
