import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { evaluateRiskOperation } from "@/server/api/v1/operations/risk";
import type { RiskParams } from "@/server/risk/margin/risk-params";
import { evaluateRisk } from "@/server/risk/evaluate-service";

export const dynamic = "force-dynamic";

// DESIGN 10: the R1-R3 model on supplied inputs, any role, no database writes (compute pool).
export const POST = serveOperation(evaluateRiskOperation, async ({ body }, req, { rt }) =>
  evaluateRisk(rt.db.prisma, { ...body, params: body.params as RiskParams | undefined }, { signal: req.signal }),
);
