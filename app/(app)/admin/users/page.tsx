import { UsersView } from "@/components/admin/users-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export default async function UsersPage() {
  const user = await requirePageUser();
  if (!canView(user, "users.view")) return <Forbidden />;
  return <UsersView canManage={hasPermission(user.role, "users.manage")} myId={user.id} />;
}
