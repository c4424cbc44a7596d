"use client";
// Sign-in form (next-auth credentials): email, password and, for managers and administrators,
// the TOTP code. Errors come back as codes and are shown in the user's language.
import { useRouter, useSearchParams } from "next/navigation";
import { signIn } from "next-auth/react";
import { useState, type FormEvent } from "react";
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";

const KNOWN_ERRORS = ["invalid_credentials", "totp_required", "totp_invalid", "rate_limited"];

export function SignInForm({ demo }: { demo: boolean }) {
  const { t } = useI18n();
  const router = useRouter();
  const params = useSearchParams();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const [needTotp, setNeedTotp] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    setPending(true);
    setError(null);
    const res = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      totp: String(form.get("totp") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!res || res.error) {
      const code = res?.error && KNOWN_ERRORS.includes(res.error) ? res.error : "unknown";
      if (code === "totp_required" || code === "totp_invalid") setNeedTotp(true);
      setError(code);
      return;
    }
    const next = params.get("callbackUrl");
    router.replace(next?.startsWith("/") && !next.startsWith("//") ? next : "/desk");
    router.refresh();
  }

  return (
    <form className="panel signin-form" onSubmit={onSubmit} noValidate>
      <h1>{t("signIn.title")}</h1>
      <label>
        {t("signIn.email")}
        <input name="email" type="email" autoComplete="username" required autoFocus />
      </label>
      <label>
        {t("signIn.password")}
        <input name="password" type="password" autoComplete="current-password" required />
      </label>
      <label>
        {t("signIn.totp")}
        <input
          name="totp"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="\d{6}"
          maxLength={6}
          aria-describedby="totp-hint"
          autoFocus={needTotp}
        />
        <small id="totp-hint" className="hint">
          {t("signIn.totpHint")}
        </small>
      </label>
      {error && (
        <p role="alert" className="form-error">
          {t(`signIn.errors.${error}` as MessageKey)}
        </p>
      )}
      <button type="submit" className="btn btn-primary" disabled={pending}>
        {pending ? t("signIn.submitting") : t("signIn.submit")}
      </button>
      {demo && <p className="hint">{t("signIn.demoHint")}</p>}
    </form>
  );
}
