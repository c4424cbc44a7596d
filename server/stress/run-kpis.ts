// T2 KPIs of a stress path: accounts breaching each line (worst status reached during the run),
// liquidation notional, slippage (notional-weighted mean and nearest-rank p95 of fills, bps), minutes
// from ticket to last fill, recovery rate (share of the liquidated accounts' loan recovered), shortfall
// (negative equity left), the loss waterfall (R8: client margin, then the platform's layers at their
// live balances) and whether the guarantee fund suffices (the loss never reaches the junior tranche).
import { allocateLoss, WATERFALL_ORDER, type WaterfallLayer } from "../liquidation/waterfall/allocate-loss";
import { STATUS_CODE } from "../risk/engine/revalue-book";
import type { StressBook } from "./stress-book";

export interface PathOutcome {
  accounts: number;
  steps: number;
  minutes: number;
  worst: Uint8Array;
  tickets: Array<{ account: number; debtAtOpen: number; open: boolean }>;
  cancelled: number;
  plannerRefusals: number;
  minutesToLiquidate: number[];
  fillSlippageBps: number[];
  fillGross: number[];
  liquidationByMinute: number[];
  final: { cash: Float64Array; debt: Float64Array; marketValue: Float64Array; marginLevel: Float64Array };
  worstStep: { index: number; label: string; marginLevel: Float64Array };
  stepLabels: string[];
  indexReturns: number[];
}

export interface RunKpis {
  accounts: number;
  steps: number;
  minutes: number;
  breaching: { warning: number; liquidation: number; hardFloor: number };
  tickets: number;
  ticketsDone: number;
  ticketsOpen: number;
  ticketsCancelled: number;
  liquidationNotional: number;
  fills: number;
  slippageMeanBps: number;
  slippageP95Bps: number;
  minutesToLiquidateP50: number | null;
  minutesToLiquidateMax: number | null;
  recoveryRate: number | null;
  shortfall: number;
  accountsUnderwater: number;
  waterfall: Array<{ layer: WaterfallLayer; balanceBefore: number; absorbed: number }>;
  unabsorbed: number;
  guaranteeFundSufficient: boolean;
  plannerRefusals: number;
  /** The R3 lines of the parameters the run used. */
  lines: { warning: number; liquidation: number; hardFloor: number; target: number };
}

export interface RunSeries {
  /** Liquidation notional (CNY) per minute of the run, [minute, value] for minutes with fills. */
  liquidationByMinute: Array<[number, number]>;
  /** Accounts per margin-level band at the worst step and at the end. */
  marginLevelBands: { labels: string[]; worst: number[]; end: number[]; worstStepLabel: string };
  stepLabels: string[];
  indexReturns: number[];
}

export const ML_BANDS: Array<[string, number]> = [
  ["< 0", 0],
  ["0-0.5", 0.5],
  ["0.5-1.0", 1],
  ["1.0-1.3", 1.3],
  ["1.3-1.5", 1.5],
  ["1.5-2", 2],
  ["2-3", 3],
  [">= 3", Infinity],
];

export function countBands(ml: Float64Array): number[] {
  const out = new Array<number>(ML_BANDS.length + 1).fill(0);
  for (const v of ml) {
    if (Number.isNaN(v)) {
      out[ML_BANDS.length] = (out[ML_BANDS.length] ?? 0) + 1; // no margin required
      continue;
    }
    const i = ML_BANDS.findIndex(([, hi]) => v < hi);
    out[i] = (out[i] ?? 0) + 1;
  }
  return out;
}

/** Nearest-rank percentile (p in (0, 1]) of an unsorted list; null when empty. */
export function nearestRank(values: readonly number[], p: number): number | null {
  if (values.length === 0) return null;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? null;
}

export function computeRunKpis(sb: StressBook, o: PathOutcome): { kpis: RunKpis; series: RunSeries } {
  let warning = 0;
  let liquidation = 0;
  let hardFloor = 0;
  for (const w of o.worst) {
    if (w >= STATUS_CODE.WARNING) warning += 1;
    if (w >= STATUS_CODE.LIQUIDATION) liquidation += 1;
    if (w >= STATUS_CODE.HARD_FLOOR) hardFloor += 1;
  }
  let notional = 0;
  let weighted = 0;
  o.fillGross.forEach((g, i) => {
    notional += g;
    weighted += g * (o.fillSlippageBps[i] ?? 0);
  });
  // Loss: the loan no shares cover, of every account under water at the end. The client's own margin
  // (its cash) is the first layer, the platform's layers take the rest (absorbLossTx does the same per account).
  let uncovered = 0;
  let clientCash = 0;
  let shortfall = 0;
  let underwater = 0;
  const n = o.accounts;
  const lossOf = new Float64Array(n);
  for (let a = 0; a < n; a += 1) {
    const cash = o.final.cash[a] ?? 0;
    const debt = o.final.debt[a] ?? 0;
    const mv = o.final.marketValue[a] ?? 0;
    const equity = cash + mv - debt;
    if (equity < 0) {
      underwater += 1;
      shortfall += -equity;
      lossOf[a] = -equity;
      uncovered += debt - mv;
      clientCash += cash;
    }
  }
  const w = allocateLoss(round2(uncovered), {
    CLIENT_MARGIN: round2(clientCash),
    RISK_CAPITAL: sb.waterfall.RISK_CAPITAL,
    GUARANTEE_FUND: sb.waterfall.GUARANTEE_FUND,
    JUNIOR_TRANCHE: sb.waterfall.JUNIOR_TRANCHE,
    SENIOR_TRANCHE: sb.waterfall.SENIOR_TRANCHE,
  });
  const absorbedBy = (layer: WaterfallLayer) => w.allocations.find((x) => x.layer === layer)?.absorbed.toNumber() ?? 0;
  let exposed = 0;
  let lost = 0;
  for (const t of o.tickets) {
    exposed += t.debtAtOpen;
    lost += Math.min(t.debtAtOpen, lossOf[t.account] ?? 0);
  }
  const ticketsOpen = o.tickets.filter((t) => t.open).length;
  const worstBands = countBands(o.worstStep.marginLevel);
  const endBands = countBands(o.final.marginLevel);
  return {
    kpis: {
      accounts: n,
      steps: o.steps,
      minutes: o.minutes,
      breaching: { warning, liquidation, hardFloor },
      tickets: o.tickets.length,
      ticketsDone: o.minutesToLiquidate.length,
      ticketsOpen,
      ticketsCancelled: o.cancelled,
      liquidationNotional: notional,
      fills: o.fillGross.length,
      slippageMeanBps: notional > 0 ? weighted / notional : 0,
      slippageP95Bps: nearestRank(o.fillSlippageBps, 0.95) ?? 0,
      minutesToLiquidateP50: nearestRank(o.minutesToLiquidate, 0.5),
      minutesToLiquidateMax: o.minutesToLiquidate.length ? Math.max(...o.minutesToLiquidate) : null,
      recoveryRate: exposed > 0 ? (exposed - lost) / exposed : null,
      shortfall,
      accountsUnderwater: underwater,
      waterfall: WATERFALL_ORDER.map((layer) => ({
        layer,
        balanceBefore: w.allocations.find((x) => x.layer === layer)?.balanceBefore.toNumber() ?? 0,
        absorbed: absorbedBy(layer),
      })),
      unabsorbed: w.unabsorbed.toNumber(),
      guaranteeFundSufficient: absorbedBy("JUNIOR_TRANCHE") === 0 && w.unabsorbed.isZero(),
      plannerRefusals: o.plannerRefusals,
      lines: { ...sb.params.lines },
    },
    series: {
      liquidationByMinute: o.liquidationByMinute.flatMap((v, m) => (v > 0 ? [[m, v] as [number, number]] : [])),
      marginLevelBands: {
        labels: [...ML_BANDS.map(([l]) => l), "none"],
        worst: worstBands,
        end: endBands,
        worstStepLabel: o.worstStep.label,
      },
      stepLabels: o.stepLabels,
      indexReturns: o.indexReturns,
    },
  };
}

const round2 = (x: number) => Math.round(Math.max(0, x) * 100) / 100;
