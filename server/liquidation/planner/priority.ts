// R5 priority score: which positions are sold first. Per the seed, illiquid positions, those with a high
// expected slippage and unhedged ones go first; well-hedged positions and those with a high fee
// contribution are kept. Each feature is scaled to [0, 1]; the weights are versioned parameters:
//   score = wI * min(1, shareOfAdv / illiquidShareOfAdv) + wS * min(1, slippageBps(full sale) / slippageRefBps)
//         + wU * (1 - hedged) - wF * feeContribution / sum(feeContribution of the account)
import type { PlannerParams } from "./types";

export interface PriorityFeatures {
  shareOfAdv: number; // position value / ADV (Infinity when ADV is 0)
  fullSaleSlippageBps: number;
  hedged: number; // 0..1
  feeShare: number; // 0..1 of the account's fee contribution
}

export function computePriorityScore(f: PriorityFeatures, p: PlannerParams): number {
  const w = p.weights;
  const illiquidity = Math.min(1, f.shareOfAdv / p.illiquidShareOfAdv);
  const slippage = Math.min(1, Math.max(0, f.fullSaleSlippageBps) / p.slippageRefBps);
  const unhedged = 1 - Math.min(1, Math.max(0, f.hedged));
  return w.illiquidity * illiquidity + w.slippage * slippage + w.unhedged * unhedged - w.feeContribution * f.feeShare;
}
