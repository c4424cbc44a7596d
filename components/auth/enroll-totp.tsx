"use client";
// TOTP enrollment for managers and administrators: show the key, confirm with a code, then
// refresh the session so the rest of the app opens.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useSession } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function EnrollTotp() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const { update } = useSession();
  const [code, setCode] = useState("");
  const begin = useMutation(trpc.auth.beginTotpEnrollment.mutationOptions());
  const confirm = useMutation(
    trpc.auth.confirmTotpEnrollment.mutationOptions({
      onSuccess: async () => {
        await update();
        router.replace("/desk");
        router.refresh();
      },
    }),
  );
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    confirm.mutate({ code });
  }
  return (
    <div className="panel signin-form">
      <h1>{t("enroll.title")}</h1>
      <p>{t("enroll.intro")}</p>
      {!begin.data ? (
        <button type="button" className="btn btn-primary" onClick={() => begin.mutate()} disabled={begin.isPending}>
          {begin.isPending ? t("common.loading") : t("enroll.start")}
        </button>
      ) : (
        <form onSubmit={onSubmit}>
          <p>
            {t("enroll.secret")}: <code data-testid="totp-secret">{begin.data.secret}</code>
          </p>
          <p className="hint break">
            {t("enroll.uri")}: <code>{begin.data.uri}</code>
          </p>
          <label>
            {t("enroll.code")}
            <input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" maxLength={6} required />
          </label>
          <button type="submit" className="btn btn-primary" disabled={confirm.isPending}>
            {t("enroll.submit")}
          </button>
        </form>
      )}
      {(begin.error ?? confirm.error) && (
        <p role="alert" className="form-error">
          {(begin.error ?? confirm.error)?.message}
        </p>
      )}
    </div>
  );
}
