import { ReportsArchive } from "@/components/reports/reports-archive";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page() {
  const user = await requirePageUser();
  if (!canView(user, "reports.view")) return <Forbidden />;
  return <ReportsArchive />;
}
