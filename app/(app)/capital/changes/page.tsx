import { CapitalChanges } from "@/components/capital/capital-changes";
import { HydrationBoundary } from "@tanstack/react-query";
import { Forbidden } from "@/components/shell/forbidden";
import { prefetchPage } from "@/server/api/page-prefetch";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function CapitalChangesPage() {
  const user = await requirePageUser();
  if (!canView(user, "capital.view")) return <Forbidden />;
  const state = await prefetchPage(user, (t) => [
    t.capital.governance.queryOptions(),
    t.capital.liquidity.queryOptions(),
  ]);
  return (
    <HydrationBoundary state={state}>
      <CapitalChanges
        userId={user.id}
        canPropose={canView(user, "capital.propose")}
        canApprove={canView(user, "capital.approve")}
      />
    </HydrationBoundary>
  );
}
