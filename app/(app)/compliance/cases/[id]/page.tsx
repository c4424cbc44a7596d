import { Forbidden } from "@/components/shell/forbidden";
import { CasePage } from "@/components/surveillance/case-page";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canView(user, "surveillance.view")) return <Forbidden />;
  const { id } = await params;
  return <CasePage caseId={decodeURIComponent(id)} canAct={canView(user, "cases.manage")} />;
}
