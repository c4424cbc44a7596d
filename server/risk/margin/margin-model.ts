// The margin model (DESIGN R1-R3), pure and documented. One position:
//   V_i = max(1, sigma_i / sigmaRef[class])                     volatility multiplier (R2)
//   S_i = multiplier of the first size tier with share <= bound  share = q_i p_i / ADV_i
//   m_i = clamp(base[class] * L[tier] * V_i * S_i * k_i, base[class], 1)   (k_i: M6 symbol multiplier, 1 if none)
//   MM_i = q_i p_i m_i;  im_i = min(1, m_i * imMultiplier);  IM_i = q_i p_i im_i;  max leverage 1 / im_i
// One account (R1, R3): MV = sum q_i p_i, A = C + MV, E = A - D, coverage A / D (null when D = 0),
//   ML = E / MM (null when MM = 0); status HARD_FLOOR when E <= 0 with D > 0 or ML < hardFloor,
//   else LIQUIDATION below liquidation, else WARNING below warning, else HEALTHY.
// The tick (server/risk/engine) computes the same expressions in the same order over typed arrays,
// so its results equal these bit for bit (property-tested).
import {
  DEFAULT_FUNDING_ADD_ON,
  RiskInputError,
  type RiskLines,
  type RiskParams,
  type RiskStatus,
} from "./risk-params";

export interface PositionInput {
  symbol: string;
  qty: number;
  price: number;
  assetClass: string;
  liquidityTier: string;
  sigma: number; // EWMA 1m volatility (M4)
  adv: number; // average daily traded value, CNY
  marginMultiplier?: number; // M6 override, >= 1
}

export interface AccountInput {
  cash: number;
  debt: number;
  positions: PositionInput[];
}

export interface PositionResult {
  symbol: string;
  marketValue: number;
  m: number;
  mm: number;
  im: number;
  imRate: number;
  volMultiplier: number;
  sizeMultiplier: number;
  shareOfAdv: number;
  maxLeverage: number;
}

export interface AccountResult {
  marketValue: number;
  assets: number;
  equity: number;
  maintenanceMargin: number;
  initialMargin: number;
  marginLevel: number | null;
  coverageRatio: number | null;
  status: RiskStatus;
  fundingAddOnBps: number;
  positions: PositionResult[];
}

/** R2 size tier multiplier: the first tier whose bound is >= the share (null bound = infinity). */
export function findSizeMultiplier(tiers: RiskParams["sizeTiers"], share: number): number {
  for (const [bound, mult] of tiers) if (bound === null || share <= bound) return mult;
  // Past the last finite bound with no open tier: the last multiplier applies.
  return tiers[tiers.length - 1]?.[1] ?? 1;
}

/** R2: the clamped maintenance rate; the multiplication order is shared with the tick. */
export function clampRate(raw: number, base: number): number {
  return raw < base ? base : raw > 1 ? 1 : raw;
}

/** R3 status from equity, debt and margin level. */
export function classifyStatus(equity: number, debt: number, marginLevel: number | null, lines: RiskLines): RiskStatus {
  if (debt > 0 && equity <= 0) return "HARD_FLOOR";
  if (marginLevel === null) return "HEALTHY";
  if (marginLevel < lines.hardFloor) return "HARD_FLOOR";
  if (marginLevel < lines.liquidation) return "LIQUIDATION";
  if (marginLevel < lines.warning) return "WARNING";
  return "HEALTHY";
}

function ownValue(record: Record<string, number>, key: string): number | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

export function evaluatePosition(p: PositionInput, params: RiskParams): PositionResult {
  if (!(p.qty >= 0) || !Number.isFinite(p.qty))
    throw new RiskInputError(`${p.symbol}: quantity must be zero or more (got ${p.qty}).`);
  if (!(p.price >= 0) || !Number.isFinite(p.price))
    throw new RiskInputError(`${p.symbol}: price must be zero or more (got ${p.price}).`);
  if (!(p.sigma >= 0) || !Number.isFinite(p.sigma))
    throw new RiskInputError(`${p.symbol}: sigma must be zero or more (got ${p.sigma}).`);
  if (!(p.adv >= 0) || !Number.isFinite(p.adv))
    throw new RiskInputError(`${p.symbol}: adv must be zero or more (got ${p.adv}).`);
  // Own keys only: "constructor" or "__proto__" must not find Object.prototype's members.
  const base = ownValue(params.base, p.assetClass);
  const sigmaRef = ownValue(params.sigmaRef, p.assetClass);
  if (base === undefined || sigmaRef === undefined) {
    throw new RiskInputError(
      `${p.symbol}: unknown asset class "${p.assetClass}" (known: ${Object.keys(params.base).join(", ")}).`,
    );
  }
  const liq = ownValue(params.liquidityMultiplier, p.liquidityTier);
  if (liq === undefined) {
    throw new RiskInputError(
      `${p.symbol}: unknown liquidity tier "${p.liquidityTier}" (known: ${Object.keys(params.liquidityMultiplier).join(", ")}).`,
    );
  }
  const k = p.marginMultiplier ?? 1;
  const marketValue = p.qty * p.price;
  const volMultiplier = Math.max(1, p.sigma / sigmaRef);
  const shareOfAdv = p.adv > 0 ? marketValue / p.adv : marketValue > 0 ? Infinity : 0;
  const sizeMultiplier = findSizeMultiplier(params.sizeTiers, shareOfAdv);
  const m = clampRate(base * liq * volMultiplier * sizeMultiplier * k, base);
  const imRate = Math.min(1, m * params.imMultiplier);
  return {
    symbol: p.symbol,
    marketValue,
    m,
    mm: marketValue * m,
    im: marketValue * imRate,
    imRate,
    volMultiplier,
    sizeMultiplier,
    shareOfAdv,
    maxLeverage: 1 / imRate,
  };
}

/** R2 funding-rate add-on in bps: MV-weighted excess volatility multiplier, capped. */
export function computeFundingAddOnBps(positions: readonly PositionResult[], params: RiskParams): number {
  const cfg = params.fundingAddOn ?? DEFAULT_FUNDING_ADD_ON;
  let mv = 0;
  let weighted = 0;
  for (const p of positions) {
    mv += p.marketValue;
    weighted += p.marketValue * (p.volMultiplier - 1);
  }
  if (mv <= 0) return 0;
  return Math.min(cfg.capBps, (weighted / mv) * cfg.bpsPerVolUnit);
}

export function evaluateAccount(input: AccountInput, params: RiskParams): AccountResult {
  if (!(input.cash >= 0) || !Number.isFinite(input.cash))
    throw new RiskInputError(`cash must be zero or more (got ${input.cash}).`);
  if (!(input.debt >= 0) || !Number.isFinite(input.debt))
    throw new RiskInputError(`debt must be zero or more (got ${input.debt}).`);
  const positions = input.positions.map((p) => evaluatePosition(p, params));
  let marketValue = 0;
  let maintenanceMargin = 0;
  let initialMargin = 0;
  for (const p of positions) {
    marketValue += p.marketValue;
    maintenanceMargin += p.mm;
    initialMargin += p.im;
  }
  const assets = input.cash + marketValue;
  const equity = assets - input.debt;
  const marginLevel = maintenanceMargin > 0 ? equity / maintenanceMargin : null;
  const coverageRatio = input.debt > 0 ? assets / input.debt : null;
  return {
    marketValue,
    assets,
    equity,
    maintenanceMargin,
    initialMargin,
    marginLevel,
    coverageRatio,
    status: classifyStatus(equity, input.debt, marginLevel, params.lines),
    fundingAddOnBps: computeFundingAddOnBps(positions, params),
    positions,
  };
}
