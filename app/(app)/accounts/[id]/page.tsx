import { AccountView } from "@/components/accounts/account-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function AccountPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canView(user, "accounts.view")) return <Forbidden />;
  const { id } = await params;
  return (
    <AccountView
      accountId={decodeURIComponent(id)}
      canManageCalls={canView(user, "marginCalls.manage")}
      canOpenCase={canView(user, "surveillance.view")}
      canSeePricing={canView(user, "funding.view")}
    />
  );
}
