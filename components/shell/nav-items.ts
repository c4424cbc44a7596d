// Navigation, derived from the permission map: each role sees only what it may use.
import type { MessageKey } from "../i18n/config";
import { hasPermission, type Permission, type Role } from "@/server/auth/roles";

export interface NavItem {
  href: string;
  label: MessageKey;
  permission: Permission;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/desk", label: "nav.desk", permission: "market.view" },
  // market monitoring (issue 3): add items below this line
  { href: "/market", label: "market.nav.overview", permission: "market.view" },
  { href: "/market/alerts", label: "market.nav.alerts", permission: "alerts.view" },
  { href: "/market/feeds", label: "market.nav.feeds", permission: "market.view" },

  // risk engine (issue 4): add items below this line
  { href: "/risk/heatmap", label: "risk.nav.heatmap", permission: "risk.view" },
  { href: "/risk/parameters", label: "risk.nav.parameters", permission: "riskParams.view" },

  // payments (issue 5): add items below this line
  { href: "/payments/approvals", label: "payments.nav.approvals", permission: "payments.view" },
  { href: "/payments/deposits", label: "payments.nav.deposits", permission: "payments.view" },
  { href: "/payments/reconciliation", label: "payments.nav.reconciliation", permission: "payments.view" },
  { href: "/compliance/frozen", label: "payments.nav.frozen", permission: "payments.view" },
  { href: "/compliance/large-value", label: "payments.nav.largeValue", permission: "largeValue.view" },

  { href: "/accounts", label: "nav.accounts", permission: "accounts.view" },
  { href: "/audit", label: "nav.audit", permission: "audit.view" },
  { href: "/admin/users", label: "nav.users", permission: "users.view" },
  { href: "/admin/system", label: "nav.system", permission: "system.view" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => hasPermission(role, i.permission));
}
