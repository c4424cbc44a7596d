"use client";
// Integration API tokens (DESIGN 10): created by ADMIN, shown once, revocable.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function ApiTokensPanel({ users }: { users: { id: string; email: string }[] }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tokens = useQuery(trpc.admin.apiTokens.queryOptions());
  const invalidate = () => qc.invalidateQueries({ queryKey: trpc.admin.apiTokens.queryKey() });
  const create = useMutation(trpc.admin.createApiToken.mutationOptions({ onSuccess: invalidate }));
  const revoke = useMutation(trpc.admin.revokeApiToken.mutationOptions({ onSuccess: invalidate }));
  const [owner, setOwner] = useState("");

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const name = String(new FormData(e.currentTarget).get("name"));
    create.mutate({ userId: owner || users[0]?.id || "", name });
  }

  return (
    <section className="panel">
      <h2>{t("users.tokens")}</h2>
      <form className="form-grid" onSubmit={onCreate}>
        <label>
          {t("users.tokenName")}
          <input name="name" required maxLength={80} />
        </label>
        <label>
          {t("users.tokenOwner")}
          <select value={owner} onChange={(e) => setOwner(e.target.value)}>
            {users.map((u) => (
              <option key={u.id} value={u.id}>
                {u.email}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn-primary" disabled={create.isPending || users.length === 0}>
          {t("users.createToken")}
        </button>
      </form>
      {create.error && <p role="alert" className="form-error">{create.error.message}</p>}
      {create.data && (
        <p role="status" className="ok-banner break">
          {t("users.tokenShownOnce")} <code data-testid="new-token">{create.data.token}</code>
        </p>
      )}
      {tokens.data && tokens.data.length === 0 && <p className="muted">{t("users.noTokens")}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="table">
          <tbody>
            {tokens.data.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td className="mono">{tok.prefix}…</td>
                <td>{tok.user.email}</td>
                <td>{fmt.dateTime(tok.createdAt)}</td>
                <td>
                  {tok.revokedAt ? (
                    t("users.revoked")
                  ) : (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => window.confirm(t("users.confirmRevoke", { name: tok.name })) && revoke.mutate({ id: tok.id })}
                    >
                      {t("users.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
