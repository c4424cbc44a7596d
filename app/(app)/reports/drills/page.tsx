import { DrillHistory } from "@/components/reports/drill-history";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page() {
  const user = await requirePageUser();
  if (!canView(user, "drills.view")) return <Forbidden />;
  return <DrillHistory />;
}
