import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { planLiquidationOperation } from "@/server/api/v1/operations/liquidation";
import { planLiquidationForApi } from "@/server/liquidation/plan-service";

export const dynamic = "force-dynamic";

// DESIGN 10: the R5 liquidation planner on supplied inputs, any role, no database writes.
export const POST = serveOperation(planLiquidationOperation, async ({ body }, _req, { rt }) =>
  planLiquidationForApi(rt.db.prisma, body),
);
