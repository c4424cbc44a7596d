import { ParamsView } from "@/components/risk/params-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function RiskParametersPage() {
  const user = await requirePageUser();
  if (!canView(user, "riskParams.view")) return <Forbidden />;
  return (
    <ParamsView
      userId={user.id}
      canPropose={canView(user, "riskParams.propose")}
      canApprove={canView(user, "riskParams.approve")}
    />
  );
}
