// F1 differentiated client pricing: annual rate = the funding source's cost + a risk premium made of
// a volatility add-on (annualised volatility above a reference), the client's history (margin calls,
// liquidations and overdue days in the last 12 months, capped) and a term premium; the result is
// capped at the legal maximum. Rates are fractions per year.

export interface PricingParams {
  /** Rate added per unit of annualised volatility above sigmaRef. */
  volSlope: number;
  sigmaRef: number;
  perMarginCall: number;
  perLiquidation: number;
  perOverdueDay: number;
  historyCap: number;
  /** Rate added per year of term. */
  termSlope: number;
  maxRate: number;
}

export const DEFAULT_PRICING: PricingParams = {
  volSlope: 0.05,
  sigmaRef: 0.3,
  perMarginCall: 0.0025,
  perLiquidation: 0.01,
  perOverdueDay: 0.0005,
  historyCap: 0.03,
  termSlope: 0.01,
  maxRate: 0.24,
};

export interface PricingInput {
  sourceCost: number;
  /** Annualised volatility of the client's portfolio. */
  sigmaAnnual: number;
  marginCalls12m: number;
  liquidations12m: number;
  overdueDays12m: number;
  termDays: number;
}

export interface PriceQuote {
  sourceCost: number;
  volPremium: number;
  historyPremium: number;
  termPremium: number;
  rate: number;
  capped: boolean;
}

export function priceClient(input: PricingInput, p: PricingParams = DEFAULT_PRICING): PriceQuote {
  const volPremium = p.volSlope * Math.max(0, input.sigmaAnnual - p.sigmaRef);
  const historyPremium = Math.min(
    p.historyCap,
    input.marginCalls12m * p.perMarginCall +
      input.liquidations12m * p.perLiquidation +
      input.overdueDays12m * p.perOverdueDay,
  );
  const termPremium = p.termSlope * (input.termDays / 365);
  const raw = input.sourceCost + volPremium + historyPremium + termPremium;
  return {
    sourceCost: input.sourceCost,
    volPremium,
    historyPremium,
    termPremium,
    rate: Math.min(raw, p.maxRate),
    capped: raw > p.maxRate,
  };
}

/** Simple daily interest on a loan (ACT/365), as the accrual posts it, rounded to the fen by the ledger. */
export function dailyInterest(principal: number, annualRate: number): number {
  return (principal * annualRate) / 365;
}
