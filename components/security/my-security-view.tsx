"use client";
// The signed-in user's own sessions ("sign out everywhere") and API tokens (created by the owner
// only, read-only unless "write" is ticked, shown once, revocable).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { signOut } from "next-auth/react";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { TokenTable } from "./token-table";

export function MySecurityView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const sessions = useQuery(trpc.auth.sessions.queryOptions());
  const tokens = useQuery(trpc.auth.myApiTokens.queryOptions());
  const invalidateTokens = () => qc.invalidateQueries({ queryKey: trpc.auth.myApiTokens.queryKey() });
  const create = useMutation(trpc.auth.createApiToken.mutationOptions({ onSuccess: invalidateTokens }));
  const revoke = useMutation(trpc.auth.revokeApiToken.mutationOptions({ onSuccess: invalidateTokens }));
  const everywhere = useMutation(
    trpc.auth.signOutEverywhere.mutationOptions({ onSuccess: () => void signOut({ callbackUrl: "/signin" }) }),
  );
  const [confirmEverywhere, setConfirmEverywhere] = useState(false);

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    create.mutate(
      { name: String(f.get("name")), scopes: f.get("write") ? ["read", "write"] : ["read"] },
      { onSuccess: () => form.reset() },
    );
  }

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="sessions-title">
        <h1 id="sessions-title">{t("security.sessions.title")}</h1>
        {sessions.data && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("security.sessions.started")}</th>
                <th scope="col">{t("security.sessions.lastSeen")}</th>
                <th scope="col">{t("security.sessions.expires")}</th>
                <th scope="col">{t("security.sessions.ip")}</th>
                <th scope="col">{t("security.sessions.steppedUp")}</th>
              </tr>
            </thead>
            <tbody>
              {sessions.data.map((s) => (
                <tr key={s.id}>
                  <td>
                    {fmt.dateTime(s.createdAt)} {s.current && <strong>({t("security.sessions.current")})</strong>}
                  </td>
                  <td>{fmt.dateTime(s.lastSeenAt)}</td>
                  <td>{fmt.dateTime(s.expiresAt)}</td>
                  <td className="mono">{s.ip ?? ""}</td>
                  <td>{s.stepUpAt ? fmt.dateTime(s.stepUpAt) : t("common.never")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <button type="button" className="btn" onClick={() => setConfirmEverywhere(true)}>
          {t("security.sessions.signOutEverywhere")}
        </button>
      </section>

      <section className="panel" aria-labelledby="tokens-title">
        <h2 id="tokens-title">{t("security.tokens.title")}</h2>
        <p className="muted">{t("security.tokens.intro")}</p>
        <form className="form-grid" onSubmit={onCreate}>
          <label>
            {t("security.tokens.name")}
            <input name="name" required maxLength={80} />
          </label>
          <label className="check">
            <input type="checkbox" name="write" /> {t("security.tokens.write")}
          </label>
          <button type="submit" className="btn btn-primary" disabled={create.isPending}>
            {t("security.tokens.create")}
          </button>
        </form>
        {create.error && (
          <p role="alert" className="form-error">
            {create.error.message}
          </p>
        )}
        {create.data && (
          <p role="status" className="ok-banner break">
            {t("security.tokens.shownOnce")} <code data-testid="new-token">{create.data.token}</code>
          </p>
        )}
        {tokens.data && tokens.data.length === 0 && <p className="muted">{t("security.tokens.none")}</p>}
        {tokens.data && tokens.data.length > 0 && <TokenTable tokens={tokens.data} revoke={revoke} />}
      </section>
      <ConfirmDialog
        open={confirmEverywhere}
        title={t("security.sessions.confirmEverywhereTitle")}
        body={t("security.sessions.confirmEverywhere")}
        confirmLabel={t("security.sessions.signOutEverywhere")}
        cancelLabel={t("security.common.cancel")}
        busy={everywhere.isPending}
        error={everywhere.error?.message ?? null}
        onCancel={() => setConfirmEverywhere(false)}
        onConfirm={() => everywhere.mutate()}
      />
    </div>
  );
}
