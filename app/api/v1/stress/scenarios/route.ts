import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { listScenariosOperation } from "@/server/api/v1/operations/stress";
import { listScenarios } from "@/server/stress/scenario-library";

export const dynamic = "force-dynamic";

// DESIGN 10: the stress scenario library (RISK, COMPLIANCE, MANAGER, AUDITOR).
export const GET = serveOperation(listScenariosOperation, async (_input, _req, { rt, user }) =>
  (await listScenarios(rt.db.prisma, user)).map((s) => ({
    id: s.id,
    name: s.name,
    kind: s.kind,
    description: s.description,
    source: s.source,
    indexReturns: s.indexReturns,
    steps: s.stepLabels,
    minutes: s.minutes,
  })),
);
