import { apiRoute } from "@/server/api/v1/http";
import { getAccountRiskForApi } from "@/server/risk/evaluate-service";

export const dynamic = "force-dynamic";

// DESIGN 10: the account's live R1-R3 figures, status, parameter version and as-of bar.
export const GET = apiRoute("risk.view", async (req, { rt }) => {
  const id = decodeURIComponent(new URL(req.url).pathname.split("/").at(-2) ?? "");
  return getAccountRiskForApi({ prisma: rt.db.prisma, sql: rt.db.sql, services: rt.services }, id);
});
