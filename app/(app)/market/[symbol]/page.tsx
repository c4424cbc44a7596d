import { notFound } from "next/navigation";
import { SymbolView } from "@/components/market/symbol-view";
import { Forbidden } from "@/components/shell/forbidden";
import { canView, requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export default async function MarketSymbolPage({ params }: { params: Promise<{ symbol: string }> }) {
  const user = await requirePageUser();
  if (!canView(user, "market.view")) return <Forbidden />;
  const symbol = decodeURIComponent((await params).symbol).toUpperCase();
  if (!/^\d{6}\.(SH|SZ)$/.test(symbol)) notFound();
  return (
    <SymbolView
      symbol={symbol}
      canAck={hasPermission(user.role, "alerts.ack")}
      canManage={hasPermission(user.role, "alertRules.manage")}
    />
  );
}
