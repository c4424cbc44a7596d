// Server-side prefetch for a page's first paint: the page (a server component) runs the queries its
// client component will ask for, through the same router and permission checks as /api/trpc, and
// hands their results to the browser's query cache (HydrationBoundary), so the first paint has data
// instead of a loading line and no request goes out until the data is stale. A query that fails
// (forbidden, not found, an error) is simply not handed over: the client asks for it as before.
import { dehydrate, QueryClient, type DehydratedState, type FetchQueryOptions } from "@tanstack/react-query";
import { createTRPCOptionsProxy, type TRPCOptionsProxy } from "@trpc/tanstack-react-query";
import superjson from "superjson";
import type { SessionUser } from "../auth/sign-in";
import { getRuntime } from "../runtime";
import { appRouter, type AppRouter } from "./root";

export async function prefetchPage(
  user: SessionUser,
  /** The queryOptions() of the queries to run (each carries its key and its function). */
  pick: (trpc: TRPCOptionsProxy<AppRouter>) => ReadonlyArray<{ queryKey: readonly unknown[] }>,
): Promise<DehydratedState> {
  const rt = await getRuntime();
  const queryClient = new QueryClient({
    defaultOptions: { queries: { retry: false }, dehydrate: { serializeData: superjson.serialize } },
  });
  const trpc = createTRPCOptionsProxy<AppRouter>({
    router: appRouter,
    queryClient,
    ctx: {
      user,
      prisma: rt.db.prisma,
      sql: rt.db.sql,
      bus: rt.bus,
      engine: rt.engine,
      dbKind: rt.db.kind,
      services: rt.services,
      ip: null,
    },
  });
  // Each entry is a tRPC queryOptions() object; its data type does not matter to the cache here.
  await Promise.all(pick(trpc).map((o) => queryClient.prefetchQuery(o as FetchQueryOptions)));
  return dehydrate(queryClient);
}
