// The margin model's parameters (R2, R3) and their validation. A parameter set names its own asset
// classes and liquidity tiers; a position is valid when the set has a key for its class and tier.
// Pure: imported by the server (tick, governance, API) and by the browser (what-if calculator).
import type { PlannerParams } from "../../liquidation/planner/planner-params-types";

export type RiskStatus = "HEALTHY" | "WARNING" | "LIQUIDATION" | "HARD_FLOOR";
export const RISK_STATUSES: readonly RiskStatus[] = ["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"];

export interface RiskLines {
  warning: number; // ML below: margin call (R3)
  liquidation: number; // ML below: liquidation with a review window
  hardFloor: number; // ML below (or E <= 0 with debt): immediate liquidation
  target: number; // restore target after liquidation
}

export interface RiskParams {
  base: Record<string, number>; // base[assetClass], the floor of m_i
  liquidityMultiplier: Record<string, number>; // L[tier]
  sigmaRef: Record<string, number>; // per-minute reference volatility per asset class
  /** Ascending [maxShareOfAdv, multiplier]; a null bound is infinity (last tier only). */
  sizeTiers: Array<[number | null, number]>;
  imMultiplier: number;
  lines: RiskLines;
  /** Funding-rate volatility add-on (R2): bps per unit of MV-weighted (V - 1), capped. */
  fundingAddOn?: { bpsPerVolUnit: number; capBps: number };
  /** Margin call: minutes (bar closes) the client has to restore ML >= warning before escalation. */
  marginCallMinutes?: number;
  /** Liquidation planner, fees, review window, holds and execution cap (R5-R7); absent: DEFAULT_PLANNER_PARAMS. */
  liquidation?: PlannerParams;
}

export const DEFAULT_FUNDING_ADD_ON = { bpsPerVolUnit: 200, capBps: 600 };
export const DEFAULT_MARGIN_CALL_MINUTES = 30;

/** Version 1 of the live parameters (DESIGN R2/R3 defaults). */
export const DEFAULT_RISK_PARAMS: RiskParams = {
  base: { MAIN_BOARD: 0.12, GROWTH: 0.18 },
  liquidityMultiplier: { T1: 1, T2: 1.15, T3: 1.35 },
  // EWMA 1m log-return volatility at which the volatility multiplier starts to bite.
  sigmaRef: { MAIN_BOARD: 0.0015, GROWTH: 0.0025 },
  sizeTiers: [
    [0.01, 1],
    [0.05, 1.25],
    [0.1, 1.5],
    [0.25, 2],
    [null, 3],
  ],
  imMultiplier: 1.5,
  lines: { warning: 1.3, liquidation: 1.0, hardFloor: 0.5, target: 1.5 },
  fundingAddOn: DEFAULT_FUNDING_ADD_ON,
  marginCallMinutes: DEFAULT_MARGIN_CALL_MINUTES,
};

export class RiskInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "RiskInputError";
  }
}

const isPositive = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v) && v > 0;

/** Returns a list of problems written for a person; empty when the set is usable. */
export function listParamProblems(p: RiskParams): string[] {
  const out: string[] = [];
  const classes = Object.keys(p.base);
  if (classes.length === 0) out.push("base: name at least one asset class.");
  for (const [k, v] of Object.entries(p.base)) {
    if (!isPositive(v) || v > 1) out.push(`base.${k}: must be a rate above 0 and at most 1 (got ${v}).`);
    if (!isPositive(p.sigmaRef[k]))
      out.push(`sigmaRef.${k}: every asset class in base needs a positive reference volatility.`);
  }
  if (Object.keys(p.liquidityMultiplier).length === 0)
    out.push("liquidityMultiplier: name at least one liquidity tier.");
  for (const [k, v] of Object.entries(p.liquidityMultiplier)) {
    if (!isPositive(v)) out.push(`liquidityMultiplier.${k}: must be positive (got ${v}).`);
  }
  if (p.sizeTiers.length === 0) out.push("sizeTiers: give at least one tier.");
  let prev = 0;
  p.sizeTiers.forEach(([bound, mult], i) => {
    const last = i === p.sizeTiers.length - 1;
    if (!isPositive(mult)) out.push(`sizeTiers[${i}]: the multiplier must be positive (got ${mult}).`);
    if (bound === null) {
      if (!last) out.push(`sizeTiers[${i}]: only the last tier may have an open (null) bound.`);
      return;
    }
    if (!isPositive(bound) || bound <= prev) {
      out.push(`sizeTiers[${i}]: bounds must be positive and strictly ascending (${bound} after ${prev}).`);
    }
    prev = bound;
  });
  if (!isPositive(p.imMultiplier) || p.imMultiplier < 1)
    out.push(`imMultiplier: must be at least 1 (got ${p.imMultiplier}).`);
  const l = p.lines;
  if (
    ![l.hardFloor, l.liquidation, l.warning, l.target].every(
      (v) => typeof v === "number" && Number.isFinite(v) && v >= 0,
    )
  ) {
    out.push("lines: every line must be a non-negative number.");
  } else if (!(l.hardFloor < l.liquidation && l.liquidation < l.warning && l.warning < l.target)) {
    out.push(
      `lines: must be in order hardFloor < liquidation < warning < target (got ${l.hardFloor}, ${l.liquidation}, ${l.warning}, ${l.target}).`,
    );
  }
  if (p.marginCallMinutes !== undefined && (!Number.isInteger(p.marginCallMinutes) || p.marginCallMinutes < 1)) {
    out.push("marginCallMinutes: must be a whole number of minutes, at least 1.");
  }
  return out;
}

export function assertValidParams(p: RiskParams): void {
  const problems = listParamProblems(p);
  if (problems.length > 0) throw new RiskInputError(problems.join(" "));
}

/** Flat list of changed leaves between two sets, for the governance screen's diff. */
export function diffParams(from: RiskParams, to: RiskParams): Array<{ path: string; from: unknown; to: unknown }> {
  const out: Array<{ path: string; from: unknown; to: unknown }> = [];
  const walk = (a: unknown, b: unknown, path: string) => {
    const isObj = (v: unknown): v is Record<string, unknown> =>
      typeof v === "object" && v !== null && !Array.isArray(v);
    if (isObj(a) && isObj(b)) {
      for (const k of [...new Set([...Object.keys(a), ...Object.keys(b)])].sort())
        walk(a[k], b[k], path ? `${path}.${k}` : k);
      return;
    }
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push({ path, from: a ?? null, to: b ?? null });
  };
  walk(from, to, "");
  return out;
}
