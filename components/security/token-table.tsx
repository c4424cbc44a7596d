"use client";
// The API-token table with its revoke confirmation, shared by "My sessions and tokens" (own tokens)
// and the administrator's list of every token (with an owner column).
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { ConfirmDialog } from "../ui/confirm-dialog";

export interface TokenRow {
  id: string;
  name: string;
  prefix: string;
  scopes: string[];
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
  user?: { email: string };
}

export interface RevokeMutation {
  mutate(vars: { id: string }, opts: { onSuccess: () => void }): void;
  isPending: boolean;
  error: { message: string } | null;
}

export function TokenTable({
  tokens,
  revoke,
  showOwner = false,
}: {
  tokens: readonly TokenRow[];
  revoke: RevokeMutation;
  showOwner?: boolean;
}) {
  const { t, fmt } = useI18n();
  const [pending, setPending] = useState<{ id: string; name: string } | null>(null);
  return (
    <>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("security.tokens.name")}</th>
            <th scope="col">{t("security.tokens.prefix")}</th>
            {showOwner && <th scope="col">{t("security.tokens.owner")}</th>}
            <th scope="col">{t("security.tokens.scopes")}</th>
            <th scope="col">{t("security.tokens.created")}</th>
            <th scope="col">{t("security.tokens.lastUsed")}</th>
            <th scope="col">{t("security.tokens.actions")}</th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((tok) => (
            <tr key={tok.id}>
              <td>{tok.name}</td>
              <td className="mono">{tok.prefix}…</td>
              {showOwner && <td className="mono">{tok.user?.email ?? ""}</td>}
              <td>{tok.scopes.join(", ")}</td>
              <td>{fmt.dateTime(tok.createdAt)}</td>
              <td>{tok.lastUsedAt ? fmt.dateTime(tok.lastUsedAt) : t("common.never")}</td>
              <td>
                {tok.revokedAt ? (
                  t("security.tokens.revoked")
                ) : (
                  <button type="button" className="btn" onClick={() => setPending({ id: tok.id, name: tok.name })}>
                    {t("security.tokens.revoke")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <ConfirmDialog
        open={pending !== null}
        title={t("security.tokens.confirmRevokeTitle")}
        body={t("security.tokens.confirmRevoke", { name: pending?.name ?? "" })}
        confirmLabel={t("security.tokens.revoke")}
        cancelLabel={t("security.common.cancel")}
        busy={revoke.isPending}
        error={revoke.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && revoke.mutate({ id: pending.id }, { onSuccess: () => setPending(null) })}
      />
    </>
  );
}
