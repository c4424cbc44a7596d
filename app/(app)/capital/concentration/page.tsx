import { ConcentrationView } from "@/components/capital/concentration-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function ConcentrationPage() {
  const user = await requirePageUser();
  if (!canView(user, "capital.view")) return <Forbidden />;
  return <ConcentrationView />;
}
