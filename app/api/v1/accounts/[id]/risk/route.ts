import { z } from "zod";
import { apiRoute } from "@/server/api/v1/http";
import { getAccountRiskForApi } from "@/server/risk/evaluate-service";

export const dynamic = "force-dynamic";

const accountId = z.string().min(1, "the account id is empty").max(64, "the account id is at most 64 characters");

// DESIGN 10: the account's live R1-R3 figures, status, parameter version and as-of bar.
export const GET = apiRoute("risk.view", async (req, { rt }) => {
  const raw = new URL(req.url).pathname.split("/").at(-2) ?? "";
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    decoded = raw; // a stray % is part of the id, which then is not found
  }
  const id = accountId.parse(decoded);
  return getAccountRiskForApi({ prisma: rt.db.prisma, sql: rt.db.sql, services: rt.services }, id);
});
