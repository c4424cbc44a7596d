import { CapitalDashboard } from "@/components/capital/capital-dashboard";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function CapitalPage() {
  const user = await requirePageUser();
  if (!canView(user, "capital.view")) return <Forbidden />;
  return <CapitalDashboard />;
}
