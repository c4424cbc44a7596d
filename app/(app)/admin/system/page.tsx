import { SystemView } from "@/components/admin/system-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function SystemPage() {
  const user = await requirePageUser();
  if (!canView(user, "system.view")) return <Forbidden />;
  return <SystemView />;
}
