import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { getRunOperation } from "@/server/api/v1/operations/stress";
import { getStressRun } from "@/server/stress/stress-runs";

export const dynamic = "force-dynamic";

// DESIGN 10: a stress run's status, progress and KPIs (RISK, COMPLIANCE, MANAGER, AUDITOR).
export const GET = serveOperation(getRunOperation, async ({ params }, _req, { rt }) => {
  const run = await getStressRun({ prisma: rt.db.prisma }, params.id);
  return {
    id: run.id,
    scenarioId: run.scenarioId,
    scenarioName: run.scenarioName,
    status: run.status,
    progress: run.progress,
    etaSeconds: run.etaSeconds,
    paths: run.paths,
    seed: run.seed,
    paramVersion: run.paramVersion,
    accounts: run.accounts,
    createdAt: run.createdAt,
    finishedAt: run.finishedAt,
    error: run.error,
    ...(run.kpis ? { kpis: run.kpis } : {}),
  };
});
