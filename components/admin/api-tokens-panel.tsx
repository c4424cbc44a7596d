"use client";
// Every API token (ADMIN): owner, scopes, last use; an administrator may revoke any token but no
// longer creates them: each user creates their own (My sessions and tokens).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ConfirmDialog } from "../ui/confirm-dialog";

export function ApiTokensPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tokens = useQuery(trpc.admin.apiTokens.queryOptions());
  const revoke = useMutation(
    trpc.admin.revokeApiToken.mutationOptions({
      onSuccess: () => {
        setPending(null);
        void qc.invalidateQueries({ queryKey: trpc.admin.apiTokens.queryKey() });
      },
    }),
  );
  const [pending, setPending] = useState<{ id: string; name: string } | null>(null);

  return (
    <section className="panel">
      <h2>{t("security.tokens.allTitle")}</h2>
      {tokens.data && tokens.data.length === 0 && <p className="muted">{t("users.noTokens")}</p>}
      {tokens.data && tokens.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("security.tokens.name")}</th>
              <th scope="col" />
              <th scope="col">{t("security.tokens.owner")}</th>
              <th scope="col">{t("security.tokens.scopes")}</th>
              <th scope="col">{t("security.tokens.created")}</th>
              <th scope="col">{t("security.tokens.lastUsed")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {tokens.data.map((tok) => (
              <tr key={tok.id}>
                <td>{tok.name}</td>
                <td className="mono">{tok.prefix}…</td>
                <td className="mono">{tok.user.email}</td>
                <td>{tok.scopes.join(", ")}</td>
                <td>{fmt.dateTime(tok.createdAt)}</td>
                <td>{tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t("common.never")}</td>
                <td>
                  {tok.revokedAt ? (
                    t("users.revoked")
                  ) : (
                    <button type="button" className="btn" onClick={() => setPending({ id: tok.id, name: tok.name })}>
                      {t("users.revoke")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t("security.tokens.confirmRevokeTitle")}
        body={t("security.tokens.confirmRevoke", { name: pending?.name ?? "" })}
        confirmLabel={t("security.tokens.revoke")}
        cancelLabel={t("security.common.cancel")}
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && revoke.mutate({ id: pending.id })}
      />
    </section>
  );
}
