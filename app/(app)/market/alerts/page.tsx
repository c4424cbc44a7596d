import { AlertsView } from "@/components/market/alerts-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export default async function MarketAlertsPage() {
  const user = await requirePageUser();
  if (!canView(user, "alerts.view")) return <Forbidden />;
  return (
    <AlertsView
      canAck={hasPermission(user.role, "alerts.ack")}
      canManage={hasPermission(user.role, "alertRules.manage")}
    />
  );
}
