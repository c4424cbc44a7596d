// DESIGN 10 POST /api/v1/risk/evaluate, the pure part: the R1-R3 model on supplied inputs and
// the response shape. Runs in the compute pool (server/workers) so a 5,000-position book never
// holds the engine's thread. Figures that overflow float64 (qty = price = 1e308) are refused
// rather than answered with nulls.
import { evaluateAccount, type AccountInput } from "./margin/margin-model";
import { RiskInputError, assertValidParams, type RiskParams } from "./margin/risk-params";

export interface EvaluateInputs {
  account: AccountInput;
  params: RiskParams;
  /** Validate the params first (they came from the caller, not from a stored version). */
  checkParams: boolean;
}

export function evaluateRiskInputs({ account, params, checkParams }: EvaluateInputs) {
  if (checkParams) assertValidParams(params);
  const r = evaluateAccount(account, params);
  const figures: Array<[string, number | null]> = [
    ["marketValue", r.marketValue],
    ["assets", r.assets],
    ["equity", r.equity],
    ["maintenanceMargin", r.maintenanceMargin],
    ["initialMargin", r.initialMargin],
    ["marginLevel", r.marginLevel],
    ["coverageRatio", r.coverageRatio],
    ["fundingAddOnBps", r.fundingAddOnBps],
  ];
  for (const p of r.positions)
    figures.push([`${p.symbol}.marketValue`, p.marketValue], [`${p.symbol}.mm`, p.mm], [`${p.symbol}.im`, p.im]);
  const bad = figures.find(([, v]) => v !== null && !Number.isFinite(v));
  if (bad) {
    throw new RiskInputError(
      `The inputs are too large to compute: ${bad[0]} is not a finite number. Check quantities, prices, cash and debt.`,
    );
  }
  return {
    marketValue: r.marketValue,
    assets: r.assets,
    equity: r.equity,
    maintenanceMargin: r.maintenanceMargin,
    initialMargin: r.initialMargin,
    marginLevel: r.marginLevel,
    coverageRatio: r.coverageRatio,
    status: r.status,
    fundingAddOnBps: r.fundingAddOnBps,
    positions: r.positions.map((p) => ({
      symbol: p.symbol,
      marketValue: p.marketValue,
      m: p.m,
      mm: p.mm,
      im: p.im,
      volMultiplier: p.volMultiplier,
      sizeMultiplier: p.sizeMultiplier,
      shareOfAdv: Number.isFinite(p.shareOfAdv) ? p.shareOfAdv : null,
      maxLeverage: p.maxLeverage,
    })),
  };
}
