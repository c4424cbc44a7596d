"use client";
// The tRPC client: queries and mutations over batched HTTP, subscriptions over SSE.
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { createTRPCClient, httpBatchLink, httpSubscriptionLink, splitLink } from "@trpc/client";
import { createTRPCContext } from "@trpc/tanstack-react-query";
import { useState, type ReactNode } from "react";
import superjson from "superjson";
import type { AppRouter } from "@/server/api/root";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

function makeQueryClient() {
  return new QueryClient({
    defaultOptions: {
      // Pages may hand over data prefetched on the server (server/api/page-prefetch.ts), in superjson.
      hydrate: { deserializeData: superjson.deserialize },
      queries: {
        staleTime: 10_000,
        retry: (count, err) => {
          const code = (err as { data?: { code?: string } }).data?.code;
          return (
            count < 2 &&
            code !== "UNAUTHORIZED" &&
            code !== "FORBIDDEN" &&
            code !== "BAD_REQUEST" &&
            code !== "NOT_FOUND"
          );
        },
      },
    },
  });
}

export function TRPCReactProvider({ children }: { children: ReactNode }) {
  const [queryClient] = useState(makeQueryClient);
  const [trpcClient] = useState(() =>
    createTRPCClient<AppRouter>({
      links: [
        splitLink({
          condition: (op) => op.type === "subscription",
          true: httpSubscriptionLink({ url: "/api/trpc", transformer: superjson }),
          // The server refuses batches over 10 calls (server/api/trpc-guard.ts); split them here.
          false: httpBatchLink({ url: "/api/trpc", transformer: superjson, maxItems: 10 }),
        }),
      ],
    }),
  );
  return (
    <QueryClientProvider client={queryClient}>
      <TRPCProvider trpcClient={trpcClient} queryClient={queryClient}>
        {children}
      </TRPCProvider>
    </QueryClientProvider>
  );
}
