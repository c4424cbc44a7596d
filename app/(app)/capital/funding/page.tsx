import { FundingView } from "@/components/funding/funding-view";
import { HydrationBoundary } from "@tanstack/react-query";
import { Forbidden } from "@/components/shell/forbidden";
import { prefetchPage } from "@/server/api/page-prefetch";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function FundingPage() {
  const user = await requirePageUser();
  if (!canView(user, "funding.view")) return <Forbidden />;
  const state = await prefetchPage(user, (t) => [
    t.funding.sources.queryOptions(),
    t.funding.tranches.queryOptions(),
    t.funding.alerts.queryOptions(),
  ]);
  return (
    <HydrationBoundary state={state}>
      <FundingView canManage={canView(user, "funding.manage")} />
    </HydrationBoundary>
  );
}
