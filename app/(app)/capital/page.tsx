import { CapitalDashboard } from "@/components/capital/capital-dashboard";
import { HydrationBoundary } from "@tanstack/react-query";
import { Forbidden } from "@/components/shell/forbidden";
import { prefetchPage } from "@/server/api/page-prefetch";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function CapitalPage() {
  const user = await requirePageUser();
  if (!canView(user, "capital.view")) return <Forbidden />;
  const state = await prefetchPage(user, (t) => [t.capital.dashboard.queryOptions()]);
  return (
    <HydrationBoundary state={state}>
      <CapitalDashboard />
    </HydrationBoundary>
  );
}
