import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import { planBodySchema } from "@/server/liquidation/planner/plan-body";
import { planLiquidationForApi } from "@/server/liquidation/plan-service";

export const dynamic = "force-dynamic";

// DESIGN 10: the R5 liquidation planner on supplied inputs, any role, no database writes.
export const POST = apiRoute("any", async (req, { rt }) =>
  planLiquidationForApi(rt.db.prisma, await parseJsonBody(req, planBodySchema)),
);
