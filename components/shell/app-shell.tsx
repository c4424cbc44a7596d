"use client";
// The app shell: brand, the role's navigation, language switch, user and sign-out.
import Link from "next/link";
import { usePathname } from "next/navigation";
import { signOut } from "next-auth/react";
import type { ReactNode } from "react";
import type { SessionUser } from "@/server/auth/sign-in";
import { useI18n } from "../i18n/i18n-provider";
import { LocaleSwitch } from "./locale-switch";
import { navItemsFor } from "./nav-items";

export function AppShell({ user, children }: { user: SessionUser; children: ReactNode }) {
  const { t } = useI18n();
  const pathname = usePathname();
  const items = navItemsFor(user.role);
  // The most specific item wins: on /market/alerts only "Alerts" is active, not "Market" too.
  const active = items
    .filter((i) => pathname === i.href || pathname.startsWith(`${i.href}/`))
    .sort((a, b) => b.href.length - a.href.length)[0]?.href;
  return (
    <div className="shell">
      <header className="shell-header">
        <Link href="/desk" className="brand">
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="nav">
          {items.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              className={item.href === active ? "nav-link active" : "nav-link"}
              aria-current={item.href === active ? "page" : undefined}
            >
              {t(item.label)}
            </Link>
          ))}
        </nav>
        <div className="shell-user">
          <LocaleSwitch />
          <span className="user-badge" data-testid="current-user">
            {user.name} · <span className="role">{t(`roles.${user.role}`)}</span>
          </span>
          <button type="button" className="btn btn-ghost" onClick={() => void signOut({ callbackUrl: "/signin" })}>
            {t("nav.signOut")}
          </button>
        </div>
      </header>
      <main className="shell-main">{children}</main>
    </div>
  );
}
