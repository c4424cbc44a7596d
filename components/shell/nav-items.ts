// Navigation, derived from the permission map: each role sees only what it may use, grouped by
// the work it belongs to (the sidebar shows a group's heading when the role has any of its items).
import type { MessageKey } from "../i18n/config";
import { hasPermission, type Permission, type Role } from "@/server/auth/roles";

export const NAV_GROUPS = ["monitor", "risk", "payments", "compliance", "capital", "admin"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

export interface NavItem {
  href: string;
  label: MessageKey;
  permission: Permission;
  group: NavGroup;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/desk", label: "nav.desk", permission: "market.view", group: "monitor" },
  { href: "/market", label: "market.nav.overview", permission: "market.view", group: "monitor" },
  { href: "/market/alerts", label: "market.nav.alerts", permission: "alerts.view", group: "monitor" },
  { href: "/market/feeds", label: "market.nav.feeds", permission: "market.view", group: "monitor" },
  { href: "/oncall", label: "oncall.nav.page", permission: "oncall.view", group: "monitor" },
  { href: "/reports/drills", label: "reports.nav.drills", permission: "drills.view", group: "monitor" },
  { href: "/accounts", label: "nav.accounts", permission: "accounts.view", group: "risk" },
  { href: "/risk/liquidations", label: "liquidation.nav.queue", permission: "liquidation.view", group: "risk" },
  { href: "/risk/heatmap", label: "risk.nav.heatmap", permission: "risk.view", group: "risk" },
  { href: "/risk/parameters", label: "risk.nav.parameters", permission: "riskParams.view", group: "risk" },
  { href: "/stress", label: "stress.nav", permission: "stress.view", group: "risk" },
  { href: "/payments/approvals", label: "payments.nav.approvals", permission: "payments.view", group: "payments" },
  { href: "/payments/deposits", label: "payments.nav.deposits", permission: "payments.view", group: "payments" },
  { href: "/payments/processed", label: "notify.processed.nav", permission: "payments.view", group: "payments" },
  {
    href: "/payments/reconciliation",
    label: "payments.nav.reconciliation",
    permission: "payments.view",
    group: "payments",
  },
  { href: "/compliance/cases", label: "surveillance.nav.cases", permission: "surveillance.view", group: "compliance" },
  {
    href: "/compliance/flagged",
    label: "surveillance.nav.flagged",
    permission: "surveillance.view",
    group: "compliance",
  },
  { href: "/compliance/frozen", label: "payments.nav.frozen", permission: "payments.view", group: "compliance" },
  {
    href: "/compliance/large-value",
    label: "payments.nav.largeValue",
    permission: "largeValue.view",
    group: "compliance",
  },
  { href: "/audit", label: "nav.audit", permission: "audit.view", group: "compliance" },
  { href: "/reports", label: "reports.nav.archive", permission: "reports.view", group: "compliance" },
  { href: "/capital", label: "capital.nav.dashboard", permission: "capital.view", group: "capital" },
  { href: "/capital/funding", label: "capital.nav.funding", permission: "funding.view", group: "capital" },
  {
    href: "/capital/concentration",
    label: "capital.nav.concentration",
    permission: "capital.view",
    group: "capital",
  },
  { href: "/capital/changes", label: "capital.nav.changes", permission: "capital.view", group: "capital" },
  { href: "/admin/users", label: "nav.users", permission: "users.view", group: "admin" },
  { href: "/admin/system", label: "nav.system", permission: "system.view", group: "admin" },
  { href: "/admin/calendars", label: "calendar.nav", permission: "calendars.view", group: "admin" },
  { href: "/admin/oncall", label: "oncall.nav.admin", permission: "oncall.view", group: "admin" },
  { href: "/account/security", label: "security.nav.mySecurity", permission: "apiTokens.own", group: "admin" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => hasPermission(role, i.permission));
}
