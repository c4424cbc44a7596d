import type { ReactNode } from "react";
import { LiveTicketsProvider } from "@/components/liquidation/live-tickets";
import { LiveChangesProvider } from "@/components/live/live-changes";
import { AppShell } from "@/components/shell/app-shell";
import { requirePageUser } from "@/server/auth/page-session";
import { hasPermission } from "@/server/auth/roles";

export const dynamic = "force-dynamic";

export default async function AppLayout({ children }: { children: ReactNode }) {
  const user = await requirePageUser();
  // One live liquidation-ticket stream per tab; the desk (RISK) gets the badge and the sound on every page.
  // One "what changed" stream per tab refreshes the other screens' queries (instead of polling).
  return (
    <LiveTicketsProvider
      enabled={hasPermission(user.role, "liquidation.view")}
      alert={hasPermission(user.role, "liquidation.act")}
    >
      <LiveChangesProvider>
        <AppShell user={user}>{children}</AppShell>
      </LiveChangesProvider>
    </LiveTicketsProvider>
  );
}
