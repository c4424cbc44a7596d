import { ReportView } from "@/components/reports/report-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canView(user, "reports.view")) return <Forbidden />;
  const { id } = await params;
  return <ReportView id={id} userId={user.id} />;
}
