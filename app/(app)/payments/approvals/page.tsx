import { ApprovalsQueue } from "@/components/payments/approvals-queue";
import { RequestForm } from "@/components/payments/request-form";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function ApprovalsPage() {
  const user = await requirePageUser();
  if (!canView(user, "payments.view")) return <Forbidden />;
  return (
    <div className="stack">
      <ApprovalsQueue canReject={canView(user, "withdrawals.approve")} />
      {canView(user, "withdrawals.request") && <RequestForm />}
    </div>
  );
}
