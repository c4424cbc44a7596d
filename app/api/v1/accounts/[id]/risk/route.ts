import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { accountRiskOperation } from "@/server/api/v1/operations/risk";
import { getAccountRiskForApi } from "@/server/risk/evaluate-service";

export const dynamic = "force-dynamic";

// DESIGN 10: the account's live R1-R3 figures, status, parameter version and as-of bar.
export const GET = serveOperation(accountRiskOperation, async ({ params }, _req, { rt }) =>
  getAccountRiskForApi({ prisma: rt.db.prisma, sql: rt.db.sql, services: rt.services }, params.id),
);
