import { apiRoute } from "@/server/api/v1/http";
import { listTicketsForApi, parseTicketsQuery } from "@/server/liquidation/ticket-queries";

export const dynamic = "force-dynamic";

// DESIGN 10: liquidation tickets with legs, fills and slippage, newest first (RISK, COMPLIANCE, MANAGER, AUDITOR).
export const GET = apiRoute("liquidation.view", async (req, { rt }) =>
  listTicketsForApi(rt.db.prisma, parseTicketsQuery(new URL(req.url).searchParams)),
);
