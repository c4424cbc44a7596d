import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import type { RiskParams } from "@/server/risk/margin/risk-params";
import { evaluateBodySchema } from "@/server/risk/params/param-schema";
import { evaluateRisk } from "@/server/risk/evaluate-service";

export const dynamic = "force-dynamic";

// DESIGN 10: the R1-R3 model on supplied inputs, any role, no database writes (compute pool).
export const POST = apiRoute("any", async (req, { rt }) => {
  const body = await parseJsonBody(req, evaluateBodySchema);
  return evaluateRisk(rt.db.prisma, { ...body, params: body.params as RiskParams | undefined }, { signal: req.signal });
});
