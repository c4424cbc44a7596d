import { Forbidden } from "@/components/shell/forbidden";
import { StressConsole } from "@/components/stress/stress-console";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function StressPage() {
  const user = await requirePageUser();
  if (!canView(user, "stress.view")) return <Forbidden />;
  return <StressConsole canRun={canView(user, "stress.run")} canEdit={canView(user, "stress.scenarios.edit")} />;
}
