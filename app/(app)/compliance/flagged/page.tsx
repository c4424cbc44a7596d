import { Forbidden } from "@/components/shell/forbidden";
import { CaseQueue } from "@/components/surveillance/case-queue";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page() {
  const user = await requirePageUser();
  if (!canView(user, "surveillance.view")) return <Forbidden />;
  return <CaseQueue mode="flagged" />;
}
