// The parameter form's draft: every number as the text the user typed, turned back into a
// parameter set with a per-field error code (translated by the form), then checked by the same zod
// schema the server uses before anything is proposed.
import type { RiskParams } from "@/server/risk/margin/risk-params";
import { riskParamsSchema } from "@/server/risk/params/param-schema";

export type Keyed = Record<string, string>;
export interface ParamDraft {
  base: Keyed;
  sigmaRef: Keyed;
  liquidityMultiplier: Keyed;
  sizeTiers: Array<[string, string]>; // bound ("" = open, last tier only), multiplier
  imMultiplier: string;
  lines: { warning: string; liquidation: string; hardFloor: string; target: string };
  marginCallMinutes: string;
  fundingAddOn: { bpsPerVolUnit: string; capBps: string } | null;
  /** Kept as is: the liquidation planner's settings are edited in the raw JSON view. */
  liquidation: RiskParams["liquidation"];
}

export type FieldError = "number" | "rate" | "positive" | "ascending" | "openLast" | "imMin" | "lineOrder" | "minutes";

const text = (v: number | null | undefined) => (v === null || v === undefined ? "" : String(v));
const mapKeyed = (r: Record<string, number>): Keyed =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, text(v)]));

export function toDraft(p: RiskParams): ParamDraft {
  return {
    base: mapKeyed(p.base),
    sigmaRef: mapKeyed(p.sigmaRef),
    liquidityMultiplier: mapKeyed(p.liquidityMultiplier),
    sizeTiers: p.sizeTiers.map(([b, m]) => [text(b), text(m)]),
    imMultiplier: text(p.imMultiplier),
    lines: {
      warning: text(p.lines.warning),
      liquidation: text(p.lines.liquidation),
      hardFloor: text(p.lines.hardFloor),
      target: text(p.lines.target),
    },
    marginCallMinutes: text(p.marginCallMinutes),
    fundingAddOn: p.fundingAddOn
      ? { bpsPerVolUnit: text(p.fundingAddOn.bpsPerVolUnit), capBps: text(p.fundingAddOn.capBps) }
      : null,
    liquidation: p.liquidation,
  };
}

function num(s: string): number | null {
  if (s.trim() === "") return null;
  const v = Number(s);
  return Number.isFinite(v) ? v : null;
}

export interface DraftResult {
  params: RiskParams | null;
  /** Field path ("base.GROWTH", "sizeTiers.2.bound", "lines.warning") → error code. */
  errors: Record<string, FieldError>;
  /** Issues the schema found that no field owns (shown above the submit button). */
  other: string[];
}

export function fromDraft(d: ParamDraft): DraftResult {
  const errors: Record<string, FieldError> = {};
  const read = (path: string, s: string, check?: (v: number) => FieldError | null): number => {
    const v = num(s);
    if (v === null) {
      errors[path] = "number";
      return Number.NaN;
    }
    const e = check?.(v) ?? null;
    if (e) errors[path] = e;
    return v;
  };
  const positive = (v: number) => (v > 0 ? null : "positive");
  const keyed = (name: string, r: Keyed, check: (v: number) => FieldError | null) =>
    Object.fromEntries(Object.entries(r).map(([k, s]) => [k, read(`${name}.${k}`, s, check)]));
  const base = keyed("base", d.base, (v) => (v > 0 && v <= 1 ? null : "rate"));
  const sigmaRef = keyed("sigmaRef", d.sigmaRef, positive);
  const liquidityMultiplier = keyed("liquidityMultiplier", d.liquidityMultiplier, positive);
  let prev = 0;
  const sizeTiers = d.sizeTiers.map(([b, m], i): [number | null, number] => {
    const last = i === d.sizeTiers.length - 1;
    const mult = read(`sizeTiers.${i}.multiplier`, m, positive);
    if (b.trim() === "") {
      if (!last) errors[`sizeTiers.${i}.bound`] = "openLast";
      return [null, mult];
    }
    const bound = read(`sizeTiers.${i}.bound`, b, (v) => (v > prev ? null : "ascending"));
    if (Number.isFinite(bound)) prev = bound;
    return [bound, mult];
  });
  const imMultiplier = read("imMultiplier", d.imMultiplier, (v) => (v >= 1 ? null : "imMin"));
  const nonNeg = (v: number) => (v >= 0 ? null : "positive");
  const lines = {
    hardFloor: read("lines.hardFloor", d.lines.hardFloor, nonNeg),
    liquidation: read("lines.liquidation", d.lines.liquidation, nonNeg),
    warning: read("lines.warning", d.lines.warning, nonNeg),
    target: read("lines.target", d.lines.target, nonNeg),
  };
  if (!(lines.hardFloor < lines.liquidation)) errors["lines.liquidation"] ??= "lineOrder";
  if (!(lines.liquidation < lines.warning)) errors["lines.warning"] ??= "lineOrder";
  if (!(lines.warning < lines.target)) errors["lines.target"] ??= "lineOrder";
  const minutes =
    d.marginCallMinutes.trim() === ""
      ? undefined
      : read("marginCallMinutes", d.marginCallMinutes, (v) => (Number.isInteger(v) && v >= 1 ? null : "minutes"));
  const fundingAddOn = d.fundingAddOn
    ? {
        bpsPerVolUnit: read("fundingAddOn.bpsPerVolUnit", d.fundingAddOn.bpsPerVolUnit, nonNeg),
        capBps: read("fundingAddOn.capBps", d.fundingAddOn.capBps, nonNeg),
      }
    : undefined;
  const params: RiskParams = {
    base,
    liquidityMultiplier,
    sigmaRef,
    sizeTiers,
    imMultiplier,
    lines,
    ...(fundingAddOn ? { fundingAddOn } : {}),
    ...(minutes !== undefined ? { marginCallMinutes: minutes } : {}),
    ...(d.liquidation ? { liquidation: d.liquidation } : {}),
  };
  if (Object.keys(errors).length > 0) return { params: null, errors, other: [] };
  const checked = riskParamsSchema.safeParse(params);
  if (!checked.success) return { params: null, errors, other: checked.error.issues.map((i) => i.message) };
  return { params, errors, other: [] };
}
