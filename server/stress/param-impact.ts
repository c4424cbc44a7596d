// R2 parameter changes tested before approval: on the live book, how many accounts change status now
// under the proposed parameters, and the standard scenarios' KPIs under the active and the proposed
// parameters side by side (each through the same run as a stress run, in the stress worker thread).
import { DEFAULT_PLANNER_PARAMS } from "../liquidation/planner/planner-params";
import { revalueBook } from "../risk/engine/revalue-book";
import { RISK_STATUSES, type RiskParams, type RiskStatus } from "../risk/margin/risk-params";
import { resolveStep } from "./resolve-step";
import { computeRunKpis } from "./run-kpis";
import type { ScenarioDef } from "./scenario-types";
import { simulatePath } from "./simulate-run";
import type { StressBook } from "./stress-book";

export interface ImpactJob {
  sb: StressBook;
  next: RiskParams;
  scenarios: ScenarioDef[];
}

export interface ImpactKpis {
  liquidation: number;
  hardFloor: number;
  liquidationNotional: number;
  slippageP95Bps: number;
  shortfall: number;
  guaranteeFundSufficient: boolean;
}

export interface ParamImpact {
  accounts: number;
  now: {
    current: Record<RiskStatus, number>;
    proposed: Record<RiskStatus, number>;
    changed: number;
    worse: number;
    better: number;
  };
  scenarios: Array<{ id: string; name: string; current: ImpactKpis; proposed: ImpactKpis }>;
}

function runWith(sb: StressBook, scenario: ScenarioDef): ImpactKpis {
  const steps = scenario.steps.map((s) => resolveStep(s, sb));
  const { kpis } = computeRunKpis(sb, simulatePath(sb, steps));
  return {
    liquidation: kpis.breaching.liquidation,
    hardFloor: kpis.breaching.hardFloor,
    liquidationNotional: kpis.liquidationNotional,
    slippageP95Bps: kpis.slippageP95Bps,
    shortfall: kpis.shortfall,
    guaranteeFundSufficient: kpis.guaranteeFundSufficient,
  };
}

export function computeParamImpact(job: ImpactJob): ParamImpact {
  const { sb, next } = job;
  const mkt = { prices: sb.prices, sigmas: sb.sigmas, multipliers: sb.multipliers };
  const a = revalueBook(sb.book, mkt, sb.params);
  const b = revalueBook(sb.book, mkt, next);
  let worse = 0;
  let better = 0;
  for (let i = 0; i < a.status.length; i += 1) {
    const x = a.status[i] ?? 0;
    const y = b.status[i] ?? 0;
    if (y > x) worse += 1;
    else if (y < x) better += 1;
  }
  const counts = (c: Record<RiskStatus, number>) =>
    Object.fromEntries(RISK_STATUSES.map((s) => [s, c[s]])) as Record<RiskStatus, number>;
  const proposedBook: StressBook = { ...sb, params: next, planner: next.liquidation ?? DEFAULT_PLANNER_PARAMS };
  return {
    accounts: a.status.length,
    now: { current: counts(a.counts), proposed: counts(b.counts), changed: worse + better, worse, better },
    scenarios: job.scenarios.map((s) => ({
      id: s.id,
      name: s.name,
      current: runWith(sb, s),
      proposed: runWith(proposedBook, s),
    })),
  };
}
