import { CapitalChanges } from "@/components/capital/capital-changes";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function CapitalChangesPage() {
  const user = await requirePageUser();
  if (!canView(user, "capital.view")) return <Forbidden />;
  return (
    <CapitalChanges
      userId={user.id}
      canPropose={canView(user, "capital.propose")}
      canApprove={canView(user, "capital.approve")}
    />
  );
}
