import { MarketOverview } from "@/components/market/market-overview";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function MarketPage() {
  const user = await requirePageUser();
  if (!canView(user, "market.view")) return <Forbidden />;
  return <MarketOverview />;
}
