"use client";
// Every API token (ADMIN): owner, scopes, last use; an administrator may revoke any token but no
// longer creates them: each user creates their own (My sessions and tokens).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { TokenTable } from "../security/token-table";

export function ApiTokensPanel() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const tokens = useQuery(trpc.admin.apiTokens.queryOptions());
  const revoke = useMutation(
    trpc.admin.revokeApiToken.mutationOptions({
      onSuccess: () => void qc.invalidateQueries({ queryKey: trpc.admin.apiTokens.queryKey() }),
    }),
  );

  return (
    <section className="panel">
      <h2>{t("security.tokens.allTitle")}</h2>
      {tokens.data && tokens.data.length === 0 && <p className="muted">{t("users.noTokens")}</p>}
      {tokens.data && tokens.data.length > 0 && <TokenTable tokens={tokens.data} revoke={revoke} showOwner />}
    </section>
  );
}
