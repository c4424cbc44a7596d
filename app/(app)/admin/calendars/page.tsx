import { CalendarAdmin } from "@/components/admin/calendar-admin";
import { ExecutionSessionPanel } from "@/components/liquidation/execution-session-panel";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export default async function CalendarsPage() {
  const user = await requirePageUser();
  if (!canView(user, "calendars.view")) return <Forbidden />;
  return (
    <div className="stack">
      <CalendarAdmin canManage={hasPermission(user.role, "calendars.manage")} />
      {/* The A-share execution session reads these exchange days: the administrator sees both together. */}
      <ExecutionSessionPanel
        userId={user.id}
        canPropose={canView(user, "liquidation.session.propose")}
        canApprove={canView(user, "liquidation.session.approve")}
      />
    </div>
  );
}
