import { ReconciliationView } from "@/components/payments/reconciliation-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function ReconciliationPage() {
  const user = await requirePageUser();
  if (!canView(user, "payments.view")) return <Forbidden />;
  return <ReconciliationView canManage={canView(user, "reconciliation.manage")} />;
}
