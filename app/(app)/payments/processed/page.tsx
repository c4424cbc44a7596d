import { ProcessedWithdrawals } from "@/components/payments/processed-withdrawals";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";

export default async function Page() {
  const user = await requirePageUser();
  if (!canView(user, "payments.view")) return <Forbidden />;
  return <ProcessedWithdrawals />;
}
