import { redirect } from "next/navigation";
import { Suspense } from "react";
import { SignInForm } from "@/components/auth/sign-in-form";
import { LocaleSwitch } from "@/components/shell/locale-switch";
import { getServerI18n } from "@/components/i18n/server";
import { getPageUser } from "@/server/auth/page-session";
import { getEnv, isDemoMode } from "@/server/env";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const user = await getPageUser();
  if (user) redirect(user.totpPending ? "/enroll-totp" : "/desk");
  const { t } = await getServerI18n();
  return (
    <main className="signin-page">
      <div className="signin-brand">
        <strong>{t("app.name")}</strong>
        <span>{t("app.tagline")}</span>
        <LocaleSwitch />
      </div>
      <Suspense>
        <SignInForm demo={isDemoMode(getEnv())} />
      </Suspense>
    </main>
  );
}
