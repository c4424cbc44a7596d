import { CalendarAdmin } from "@/components/admin/calendar-admin";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export default async function CalendarsPage() {
  const user = await requirePageUser();
  if (!canView(user, "calendars.view")) return <Forbidden />;
  return <CalendarAdmin canManage={hasPermission(user.role, "calendars.manage")} />;
}
