// M6: pure rule matching and the symbol overrides that follow from the active actions. A rule maps
// alerts (a kind or "*", at or above a severity) to an action on the alert's symbol: raise its
// margin multiplier, restrict new buys, propose a hedge, or notify the desk.
import type { SymbolRiskOverrides } from "../../risk/ports";
import type { Alarm, Severity } from "./symbol-monitor";

export const SEVERITIES: readonly Severity[] = ["INFO", "WARNING", "CRITICAL"];
export const ACTIONS = ["RAISE_MARGIN", "RESTRICT_BUYS", "PROPOSE_HEDGE", "NOTIFY"] as const;
export type ActionKind = (typeof ACTIONS)[number];

export interface RuleView {
  id: string;
  name: string;
  kind: string;
  minSeverity: string;
  action: string;
  multiplier: number | null;
  durationMin: number;
  enabled: boolean;
}

export interface ActiveAction {
  id: string;
  symbolCode: string;
  ruleId: string;
  action: string;
  multiplier: number | null;
  expiresAt: number;
}

export function severityRank(s: string): number {
  return SEVERITIES.indexOf(s as Severity);
}

/** An alarm raised on a GAP minute (its return spans two sources): recorded and shown, never acted on automatically. */
export function isOnGap(alarm: { evidence?: Alarm["evidence"] }): boolean {
  return alarm.evidence?.dataQuality === "GAP";
}

export function ruleMatches(rule: RuleView, alarm: Pick<Alarm, "kind" | "severity">): boolean {
  return (
    rule.enabled &&
    (rule.kind === "*" || rule.kind === alarm.kind) &&
    severityRank(alarm.severity) >= severityRank(rule.minSeverity)
  );
}

/**
 * The actions to create for this minute's alarms: one per (symbol, rule), skipping a rule whose
 * action is still active on the symbol (an alarm storm must not stack multipliers) and alarms on a GAP minute.
 */
export function planActions<A extends Pick<Alarm, "symbol" | "kind" | "severity"> & { evidence?: Alarm["evidence"] }>(
  alarms: readonly A[],
  rules: readonly RuleView[],
  active: readonly ActiveAction[],
  now: number,
): Array<{ alarm: A; rule: RuleView }> {
  const taken = new Set(active.filter((a) => a.expiresAt > now).map((a) => `${a.symbolCode}|${a.ruleId}`));
  const out: Array<{ alarm: A; rule: RuleView }> = [];
  for (const alarm of alarms) {
    if (isOnGap(alarm)) continue;
    for (const rule of rules) {
      const key = `${alarm.symbol}|${rule.id}`;
      if (taken.has(key) || !ruleMatches(rule, alarm)) continue;
      taken.add(key);
      out.push({ alarm, rule });
    }
  }
  return out;
}

/** services.symbolOverrides (read by the margin model, R2) from the active actions. */
export class ActionCache implements SymbolRiskOverrides {
  private actions: ActiveAction[] = [];
  constructor(private readonly now: () => number = Date.now) {}

  replace(actions: ActiveAction[]): void {
    this.actions = actions;
  }
  add(actions: ActiveAction[]): void {
    this.actions = [...this.actions.filter((a) => a.expiresAt > this.now()), ...actions];
  }
  remove(id: string): void {
    this.actions = this.actions.filter((a) => a.id !== id);
  }
  active(): ActiveAction[] {
    const now = this.now();
    return this.actions.filter((a) => a.expiresAt > now);
  }

  marginMultiplier(symbol: string): number {
    let m = 1;
    const now = this.now();
    for (const a of this.actions) {
      if (a.symbolCode === symbol && a.action === "RAISE_MARGIN" && a.expiresAt > now)
        m = Math.max(m, a.multiplier ?? 1);
    }
    return m;
  }

  buyRestricted(symbol: string): boolean {
    const now = this.now();
    return this.actions.some((a) => a.symbolCode === symbol && a.action === "RESTRICT_BUYS" && a.expiresAt > now);
  }
}
