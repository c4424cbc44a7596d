import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { resolveRequestUser } from "@/server/auth/request-user";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

async function handler(req: Request) {
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
      if (error.code === "INTERNAL_SERVER_ERROR") console.error(`[trpc] ${path ?? "?"} failed`, error);
    },
  });
}

export { handler as GET, handler as POST };
