import { observeRequest } from "@/server/api/observe-request";
import { getHealth } from "@/server/api/v1/health";

export const dynamic = "force-dynamic";

export const GET = observeRequest(async () => {
  const health = await getHealth();
  // Always 200: the body says "ok" or "degraded" (DESIGN 10); a 5xx would hide the details.
  return Response.json(health);
});
