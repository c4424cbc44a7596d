// C3 beta-weighted hedge proposals. Each position maps to the index proxy closest to what it is:
// ChiNext and STAR names to the ChiNext ETF (no ChiNext futures trade), large main-board names to
// CSI 300 (IF futures, 300 CNY per point), the rest to CSI 500 (IC futures, 200 CNY per point).
// The beta-weighted exposure sum(beta x notional) per proxy, times the hedge ratio, is sold in
// whole contracts (or ETF lots); what stays is the net beta exposure.

export type HedgeProxy = "CSI300" | "CSI500" | "CHINEXT";

export interface ProxySpec {
  proxy: HedgeProxy;
  instrument: string;
  /** Index level (futures) or ETF price, CNY. */
  price: number;
  /** CNY per index point (futures) or shares per lot (ETF). */
  multiplier: number;
}

export const DEFAULT_PROXIES: Record<HedgeProxy, ProxySpec> = {
  CSI300: { proxy: "CSI300", instrument: "IF (CSI 300 futures)", price: 3900, multiplier: 300 },
  CSI500: { proxy: "CSI500", instrument: "IC (CSI 500 futures)", price: 5800, multiplier: 200 },
  CHINEXT: { proxy: "CHINEXT", instrument: "159915 (ChiNext ETF)", price: 2.2, multiplier: 100 },
};

export interface HedgePosition {
  symbol: string;
  board: "MAIN" | "CHINEXT" | "STAR";
  beta: number;
  notional: number;
  /** Average daily traded value, CNY: large caps trade the most. */
  adv: number;
}

export interface HedgeParams {
  hedgeRatio: number;
  /** Main-board names at or above this ADV hedge with CSI 300, the rest with CSI 500. */
  largeCapAdv: number;
}

export const DEFAULT_HEDGE_PARAMS: HedgeParams = { hedgeRatio: 1, largeCapAdv: 1e9 };

export interface HedgeProposal {
  proxy: HedgeProxy;
  instrument: string;
  grossNotional: number;
  betaExposure: number;
  /** Contracts (futures) or lots (ETF) to sell. */
  units: number;
  unitNotional: number;
  hedgeNotional: number;
  netBetaExposure: number;
}

export function proxyFor(p: HedgePosition, params: HedgeParams = DEFAULT_HEDGE_PARAMS): HedgeProxy {
  if (p.board !== "MAIN") return "CHINEXT";
  return p.adv >= params.largeCapAdv ? "CSI300" : "CSI500";
}

export function proposeHedges(
  positions: readonly HedgePosition[],
  params: HedgeParams = DEFAULT_HEDGE_PARAMS,
  proxies: Record<HedgeProxy, ProxySpec> = DEFAULT_PROXIES,
): HedgeProposal[] {
  const sums = new Map<HedgeProxy, { gross: number; beta: number }>();
  for (const p of positions) {
    const k = proxyFor(p, params);
    const s = sums.get(k) ?? { gross: 0, beta: 0 };
    s.gross += p.notional;
    s.beta += p.beta * p.notional;
    sums.set(k, s);
  }
  return (["CSI300", "CSI500", "CHINEXT"] as const).flatMap((proxy) => {
    const s = sums.get(proxy);
    if (!s) return [];
    const spec = proxies[proxy];
    const unitNotional = spec.price * spec.multiplier;
    const units = Math.max(0, Math.round((s.beta * params.hedgeRatio) / unitNotional));
    const hedgeNotional = units * unitNotional;
    return [
      {
        proxy,
        instrument: spec.instrument,
        grossNotional: s.gross,
        betaExposure: s.beta,
        units,
        unitNotional,
        hedgeNotional,
        netBetaExposure: s.beta - hedgeNotional,
      },
    ];
  });
}
