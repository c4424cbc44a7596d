import { FundingView } from "@/components/funding/funding-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function FundingPage() {
  const user = await requirePageUser();
  if (!canView(user, "funding.view")) return <Forbidden />;
  return <FundingView canManage={canView(user, "funding.manage")} />;
}
