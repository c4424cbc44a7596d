import { HeatmapView } from "@/components/risk/heatmap-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function HeatmapPage() {
  const user = await requirePageUser();
  if (!canView(user, "risk.view")) return <Forbidden />;
  return <HeatmapView />;
}
