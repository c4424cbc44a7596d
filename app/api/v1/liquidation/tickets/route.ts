import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { listTicketsOperation } from "@/server/api/v1/operations/liquidation";
import { listTicketsForApi, toTicketsFilter } from "@/server/liquidation/ticket-queries";

export const dynamic = "force-dynamic";

// DESIGN 10: liquidation tickets with legs, fills and slippage, newest first (RISK, COMPLIANCE, MANAGER, AUDITOR).
export const GET = serveOperation(listTicketsOperation, async ({ query }, _req, { rt }) =>
  listTicketsForApi(rt.db.prisma, toTicketsFilter(query)),
);
