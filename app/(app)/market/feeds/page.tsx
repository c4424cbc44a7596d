import { FeedsView } from "@/components/market/feeds-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export default async function MarketFeedsPage() {
  const user = await requirePageUser();
  if (!canView(user, "market.view")) return <Forbidden />;
  return (
    <FeedsView
      canManageFeeds={hasPermission(user.role, "feeds.manage")}
      canRunDrills={hasPermission(user.role, "drills.run")}
    />
  );
}
