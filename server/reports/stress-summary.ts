// T4 monthly stress summary. It reads stored stress runs through StressRunKpiSource, the small
// contract the stress domain (T2) fills; until a run is stored the report says so plainly.
import { fmtBps, fmtCny, fmtInt, fmtPct, fmtShanghai, type ReportSection } from "./report-document";

/** The KPIs of one finished stress run, as the monthly summary prints them (T2). */
export interface StoredStressRunKpis {
  id: string;
  scenarioName: string;
  scenarioKind: "HISTORICAL" | "SYNTHETIC" | "MONTE_CARLO";
  finishedAt: string; // ISO instant
  accountsBreaching: { warning: number; liquidation: number; hardFloor: number };
  liquidationNotional: number; // CNY
  slippageMeanBps: number | null;
  slippageP95Bps: number | null;
  minutesToLiquidate: number | null;
  recoveryRate: number | null; // 0..1
  shortfall: number; // CNY
  guaranteeFundSufficient: boolean | null;
}

/** Finished runs in [from, to), oldest first. */
export interface StressRunKpiSource {
  listFinishedRuns(from: Date, to: Date): Promise<StoredStressRunKpis[]>;
}

export interface StressSummaryData {
  runs: StoredStressRunKpis[];
}

export async function collectStressSummary(
  source: StressRunKpiSource,
  start: Date,
  end: Date,
): Promise<StressSummaryData> {
  return { runs: await source.listFinishedRuns(start, end) };
}

export function stressSummarySections(d: StressSummaryData): ReportSection[] {
  const worst = [...d.runs].sort((a, b) => b.shortfall - a.shortfall)[0];
  const empty = { en: "No stress run finished in this period.", zh: "本期没有完成的压力测试。" };
  return [
    {
      kind: "facts",
      id: "summary",
      heading: { en: "Summary", zh: "摘要" },
      facts: [
        { label: { en: "Runs finished", zh: "完成的测试" }, value: fmtInt(d.runs.length) },
        { label: { en: "Worst shortfall", zh: "最大穿仓损失" }, value: worst ? fmtCny(worst.shortfall) : "-" },
        { label: { en: "Worst scenario", zh: "最严重情景" }, value: worst?.scenarioName ?? "-" },
        {
          label: { en: "Runs where the guarantee fund was insufficient", zh: "保证金基金不足的测试" },
          value: fmtInt(d.runs.filter((r) => r.guaranteeFundSufficient === false).length),
        },
      ],
    },
    {
      kind: "table",
      id: "runs",
      heading: { en: "Stress runs and their KPIs", zh: "压力测试及关键指标" },
      columns: [
        { en: "Finished (Asia/Shanghai)", zh: "完成时间（北京时间）" },
        { en: "Scenario", zh: "情景" },
        { en: "Accounts breaching warning / liquidation / hard floor", zh: "突破预警/平仓/强平线账户" },
        { en: "Liquidation notional", zh: "平仓金额" },
        { en: "Slippage mean / p95", zh: "滑点均值/P95" },
        { en: "Minutes to liquidate", zh: "平仓用时（分钟）" },
        { en: "Recovery rate", zh: "回收率" },
        { en: "Shortfall", zh: "穿仓损失" },
        { en: "Guarantee fund", zh: "保证金基金" },
      ],
      numeric: [3, 5, 6, 7],
      rows: d.runs.map((r) => [
        fmtShanghai(r.finishedAt),
        r.scenarioName,
        `${fmtInt(r.accountsBreaching.warning)} / ${fmtInt(r.accountsBreaching.liquidation)} / ${fmtInt(r.accountsBreaching.hardFloor)}`,
        fmtCny(r.liquidationNotional),
        `${fmtBps(r.slippageMeanBps)} / ${fmtBps(r.slippageP95Bps)}`,
        fmtInt(r.minutesToLiquidate),
        fmtPct(r.recoveryRate),
        fmtCny(r.shortfall),
        r.guaranteeFundSufficient === null ? "-" : r.guaranteeFundSufficient ? "sufficient" : "INSUFFICIENT",
      ]),
      empty,
    },
    {
      kind: "chart",
      id: "shortfall",
      heading: { en: "Shortfall by run", zh: "各测试穿仓损失" },
      unit: { en: "CNY", zh: "元" },
      bars: d.runs.map((r) => ({ label: r.scenarioName.slice(0, 18), value: r.shortfall })),
      empty,
    },
  ];
}
