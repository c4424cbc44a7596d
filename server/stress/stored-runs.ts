// The stored stress runs as the monthly stress summary (T4) reads them: finished runs of a period
// with the KPIs the report prints, from the StressRun rows (for Monte Carlo, the worst path's KPIs).
import type { PrismaClient } from "../db/generated/client";
import type { StoredStressRunKpis, StressRunKpiSource } from "../reports/stress-summary";
import type { RunKpis } from "./run-kpis";

const KINDS = ["HISTORICAL", "SYNTHETIC", "MONTE_CARLO"] as const;

export function storedStressRuns(prisma: PrismaClient): StressRunKpiSource {
  return {
    async listFinishedRuns(from, to) {
      const rows = await prisma.stressRun.findMany({
        where: { status: "DONE", finishedAt: { gte: from, lt: to } },
        orderBy: { finishedAt: "asc" },
        take: 500,
        select: { id: true, scenarioName: true, kind: true, finishedAt: true, kpis: true },
      });
      return rows.flatMap((r): StoredStressRunKpis[] => {
        const k = r.kpis as RunKpis | null;
        if (!k || !r.finishedAt) return [];
        const kind = (KINDS as readonly string[]).includes(r.kind)
          ? (r.kind as StoredStressRunKpis["scenarioKind"])
          : "SYNTHETIC";
        return [
          {
            id: r.id,
            scenarioName: r.scenarioName,
            scenarioKind: kind,
            finishedAt: r.finishedAt.toISOString(),
            accountsBreaching: k.breaching,
            liquidationNotional: k.liquidationNotional,
            slippageMeanBps: k.fills > 0 ? k.slippageMeanBps : null,
            slippageP95Bps: k.fills > 0 ? k.slippageP95Bps : null,
            minutesToLiquidate: k.minutesToLiquidateMax,
            recoveryRate: k.recoveryRate,
            shortfall: k.shortfall,
            guaranteeFundSufficient: k.guaranteeFundSufficient,
          },
        ];
      });
    },
  };
}
