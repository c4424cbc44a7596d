import { LargeValueList } from "@/components/compliance/large-value-list";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page() {
  const user = await requirePageUser();
  if (!canView(user, "largeValue.view")) return <Forbidden />;
  return <LargeValueList />;
}
