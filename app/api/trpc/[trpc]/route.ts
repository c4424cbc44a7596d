import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { errorToResponse } from "@/server/api/v1/http";
import { guardTrpcRequest, TRPC_MAX_BATCH_SIZE } from "@/server/api/trpc-guard";
import { resolveRequestUser } from "@/server/auth/request-user";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

async function handler(incoming: Request) {
  let req: Request;
  try {
    // Body cap, JSON-only mutations, same-origin check and NUL refusal before tRPC reads anything.
    req = await guardTrpcRequest(incoming);
  } catch (err) {
    return errorToResponse(err, "trpc guard");
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
  });
}

export { handler as GET, handler as POST };
