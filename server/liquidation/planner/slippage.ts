// Expected fill of a sale (R5): walk the bid side of the book, best first; with no book, or for the part
// beyond the book's visible depth, the square-root impact law prices it:
//   slippage(Q) = min(maxSlippage, y * sigma_1m * sqrt(minutesPerDay) * sqrt(Q * mark / ADV))
// sigma_1m * sqrt(minutesPerDay) is the daily volatility (240 trading minutes per A-share day) and
// Q * mark / ADV the order's share of the average daily traded value; y ~ 1 (Toth et al. 2011, "Anomalous
// price impact and the critical nature of liquidity in financial markets"). Beyond the book the remainder
// fills at the worst visible bid less the impact of the remainder alone.
import type { BookLevel, PlannerParams } from "./types";

export interface SaleQuote {
  gross: number; // CNY
  avgPrice: number;
  slippageBps: number; // vs the mark
  source: "BOOK" | "IMPACT_MODEL";
}

/** Average slippage fraction of selling `qty` shares at `mark` with no book. */
export function computeImpactSlippage(
  qty: number,
  mark: number,
  sigma: number,
  adv: number,
  impact: PlannerParams["impact"],
): number {
  if (qty <= 0 || mark <= 0) return 0;
  const share = adv > 0 ? (qty * mark) / adv : Infinity;
  const s = impact.y * sigma * Math.sqrt(impact.minutesPerDay) * Math.sqrt(share);
  return Number.isFinite(s) ? Math.min(impact.maxSlippage, s) : impact.maxSlippage;
}

export interface SalePricer {
  quote(qty: number): SaleQuote;
}

function finishQuote(mark: number, qty: number, gross: number, source: SaleQuote["source"]): SaleQuote {
  const avgPrice = qty > 0 ? gross / qty : mark;
  return { gross, avgPrice, slippageBps: mark > 0 ? ((mark - avgPrice) / mark) * 10_000 : 0, source };
}

class ImpactPricer implements SalePricer {
  constructor(
    private readonly mark: number,
    private readonly sigma: number,
    private readonly adv: number,
    private readonly impact: PlannerParams["impact"],
  ) {}
  quote(qty: number): SaleQuote {
    const gross = qty * this.mark * (1 - computeImpactSlippage(qty, this.mark, this.sigma, this.adv, this.impact));
    return finishQuote(this.mark, qty, gross, "IMPACT_MODEL");
  }
}

class BookPricer implements SalePricer {
  constructor(
    private readonly mark: number,
    private readonly sigma: number,
    private readonly adv: number,
    private readonly bids: readonly BookLevel[],
    private readonly impact: PlannerParams["impact"],
  ) {}
  quote(qty: number): SaleQuote {
    let rest = qty;
    let gross = 0;
    let last = this.mark;
    for (const [price, size] of this.bids) {
      if (rest <= 0) break;
      const take = size < rest ? size : rest;
      gross += take * price;
      rest -= take;
      last = price;
    }
    if (rest > 0) gross += rest * last * (1 - computeImpactSlippage(rest, last, this.sigma, this.adv, this.impact));
    return finishQuote(this.mark, qty, gross, "BOOK");
  }
}

/** A pricer for one position: walks `bids` when given, else the impact model. */
export function createSalePricer(
  mark: number,
  sigma: number,
  adv: number,
  bids: readonly BookLevel[] | undefined,
  impact: PlannerParams["impact"],
): SalePricer {
  return bids ? new BookPricer(mark, sigma, adv, bids, impact) : new ImpactPricer(mark, sigma, adv, impact);
}
