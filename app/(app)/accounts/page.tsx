import { Suspense } from "react";
import { AccountsTable } from "@/components/accounts/accounts-table";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function AccountsPage() {
  const user = await requirePageUser();
  if (!canView(user, "accounts.view")) return <Forbidden />;
  return (
    <Suspense>
      <AccountsTable />
    </Suspense>
  );
}
