import { ExecutionSessionPanel } from "@/components/liquidation/execution-session-panel";
import { QueueView } from "@/components/liquidation/queue-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function LiquidationsPage() {
  const user = await requirePageUser();
  if (!canView(user, "liquidation.view")) return <Forbidden />;
  return (
    <QueueView
      rights={{
        act: canView(user, "liquidation.act"),
        extend: canView(user, "liquidation.extendHold"),
        dispute: canView(user, "liquidation.dispute"),
        reviewDispute: canView(user, "liquidation.reviewDispute"),
      }}
      footer={
        <ExecutionSessionPanel
          userId={user.id}
          canPropose={canView(user, "liquidation.session.propose")}
          canApprove={canView(user, "liquidation.session.approve")}
        />
      }
    />
  );
}
