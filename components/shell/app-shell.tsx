"use client";
// The app shell: a header (brand, language switch, user, sign-out) and a sidebar with the role's
// navigation in groups. The most specific item is marked current.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { ReactNode } from "react";
import type { SessionUser } from "@/server/auth/sign-in";
import { hasPermission } from "@/server/auth/roles";
import { useI18n } from "../i18n/i18n-provider";
import { OpenTicketsBadge } from "../liquidation/live-tickets";
import { KeyboardLayer } from "../keyboard/keyboard-layer";
import { NotificationBell } from "../notify/notification-bell";
import { LocaleSwitch } from "./locale-switch";
import { NAV_GROUPS, navItemsFor } from "./nav-items";
import { UpColorSwitch } from "./up-color-switch";

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const items = navItemsFor(user.role);
  // On /market/alerts only "Alerts" is current, not "Market" too.
  const active = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        {t("keyboard.skip")}
      </a>
      <KeyboardLayer role={user.role} />
      <header className="shell-header">
        <Link href="/desk" className="brand">
          {t("app.name")}
        </Link>
        <div className="shell-user">
          <NotificationBell />
          <LocaleSwitch />
          <UpColorSwitch />
          <span className="user-badge" data-testid="current-user">
            {user.name} · <span className="role">{t(`roles.${user.role}`)}</span>
          </span>
          <button type="button" className="btn btn-ghost" onClick={() => void signOut({ callbackUrl: "/signin" })}>
            {t("nav.signOut")}
          </button>
        </div>
      </header>
      <div className="shell-body">
        <nav aria-label={t("nav.main")} className="sidebar">
          {NAV_GROUPS.map((group) => {
            const inGroup = items.filter((i) => i.group === group);
            if (inGroup.length === 0) return null;
            return (
              <div key={group} className="nav-group">
                <div className="nav-group-title">{t(`nav.groups.${group}`)}</div>
                {inGroup.map((item) => (
                  <Link
                    key={item.href}
                    href={item.href}
                    className={item.href === active ? "nav-link active" : "nav-link"}
                    aria-current={item.href === active ? "page" : undefined}
                  >
                    {t(item.label)}
                    {item.href === "/risk/liquidations" && hasPermission(user.role, "liquidation.act") && (
                      <OpenTicketsBadge />
                    )}
                  </Link>
                ))}
              </div>
            );
          })}
        </nav>
        <main id="main" tabIndex={-1} className="shell-main">
          {children}
        </main>
      </div>
    </div>
  );
}
