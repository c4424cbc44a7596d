import { AuditView } from "@/components/audit/audit-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function AuditPage() {
  const user = await requirePageUser();
  if (!canView(user, "audit.view")) return <Forbidden />;
  return <AuditView />;
}
