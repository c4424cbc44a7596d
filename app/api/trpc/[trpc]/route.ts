import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { observeRequest } from "@/server/api/observe-request";
import { appRouter } from "@/server/api/root";
import { errorToResponse } from "@/server/api/v1/http";
import { guardTrpcRequest, TRPC_MAX_BATCH_SIZE } from "@/server/api/trpc-guard";
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

const handler = observeRequest(
  async (incoming, scope) => {
    let req: Request;
    try {
      // Body cap, JSON-only mutations, same-origin check and NUL refusal before tRPC reads anything.
      req = await guardTrpcRequest(incoming);
    } catch (err) {
      return errorToResponse(err, "trpc guard", scope.requestId);
    }
    const rt = await getRuntime();
    return fetchRequestHandler({
      endpoint: "/api/trpc",
      req,
      router: appRouter,
      maxBatchSize: TRPC_MAX_BATCH_SIZE,
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
        // The error formatter logs internal errors with their reference; here only the count.
        metrics().trpcErrors.inc({ code: error.code, path: procedureLabel(path) });
      },
    });
  },
  { domain: "trpc", route: procedureRoute },
);

export { handler as GET, handler as POST };
