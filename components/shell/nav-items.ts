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

  // risk engine (issue 4): add items below this line

  // payments (issue 5): add items below this line

  { href: "/accounts", label: "nav.accounts", permission: "accounts.view" },
  { href: "/audit", label: "nav.audit", permission: "audit.view" },
  { href: "/admin/users", label: "nav.users", permission: "users.view" },
  { href: "/admin/system", label: "nav.system", permission: "system.view" },
];

export function navItemsFor(role: Role): NavItem[] {
  return NAV_ITEMS.filter((i) => hasPermission(role, i.permission));
}
