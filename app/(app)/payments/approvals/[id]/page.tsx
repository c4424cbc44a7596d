import { WithdrawalDetail } from "@/components/payments/withdrawal-detail";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function WithdrawalPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePageUser();
  if (!canView(user, "payments.view")) return <Forbidden />;
  const { id } = await params;
  const rights = {
    approve: canView(user, "withdrawals.approve"),
    freeze: canView(user, "withdrawals.freeze"),
    appeal: canView(user, "withdrawals.appeal"),
  };
  return <WithdrawalDetail id={id} rights={rights} userId={user.id} />;
}
