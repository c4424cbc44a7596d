import { observeRequest } from "@/server/api/observe-request";
import { serveMetrics } from "@/server/api/v1/metrics";
import { resolveRequestUser } from "@/server/auth/request-user";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = observeRequest(async (req) => {
  const rt = await getRuntime();
  return serveMetrics(req, {
    rt,
    metricsToken: rt.env.METRICS_TOKEN,
    resolveUser: (h) => resolveRequestUser(rt.db.prisma, h),
  });
});
