import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { observeRequest } from "@/server/api/observe-request";
import { appRouter } from "@/server/api/root";
import { metrics } from "@/server/metrics/registry";
import { resolveRequestUser } from "@/server/auth/request-user";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

const known = new Set(Object.keys(appRouter._def.procedures));
/** Metric labels take known procedure names only (bounded label values, whatever a caller sends). */
const procedureLabel = (path: string | undefined) => (path !== undefined && known.has(path) ? path : "(unknown)");

/** One label per procedure; a batch of several is one "(batch)" label. */
function procedureRoute(url: URL): string {
  const path = url.pathname.replace(/^\/api\/trpc\/?/, "");
  return `/api/trpc/${path.includes(",") ? "(batch)" : procedureLabel(path)}`;
}

const handler = observeRequest(async (req, scope) => {
  const rt = await getRuntime();
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    async createContext() {
      return {
        user: await resolveRequestUser(rt.db.prisma, req.headers),
        prisma: rt.db.prisma,
        sql: rt.db.sql,
        bus: rt.bus,
        engine: rt.engine,
        dbKind: rt.db.kind,
        services: rt.services,
        ip: req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null,
      };
    },
    onError({ error, path }) {
      metrics().trpcErrors.inc({ code: error.code, path: procedureLabel(path) });
      if (error.code === "INTERNAL_SERVER_ERROR") scope.log.error({ err: error, path }, "procedure failed");
    },
  });
}, { domain: "trpc", route: procedureRoute });

export { handler as GET, handler as POST };
