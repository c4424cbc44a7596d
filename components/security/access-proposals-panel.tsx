"use client";
// Four eyes on access (DESIGN 0): pending proposals with approve / reject for a second ADMIN. The
// confirmation asks for the authenticator code when this session has no fresh step-up.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ConfirmDialog } from "../ui/confirm-dialog";

interface Pending {
  id: string;
  kind: string;
  targetEmail: string;
  proposedByEmail: string | null;
  approve: boolean;
}

export function AccessProposalsPanel({ canDecide, myId }: { canDecide: boolean; myId: string }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const proposals = useQuery(trpc.admin.accessProposals.queryOptions({ pendingOnly: true }));
  const [pending, setPending] = useState<Pending | null>(null);
  const [code, setCode] = useState("");
  const decide = useMutation(
    trpc.admin.decideAccessProposal.mutationOptions({
      onSuccess: () => {
        setPending(null);
        setCode("");
        void qc.invalidateQueries({ queryKey: trpc.admin.accessProposals.queryKey() });
        void qc.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
      },
    }),
  );
  const kindLabel = (k: string) => t(`security.proposals.kinds.${k}` as MessageKey);

  return (
    <section className="panel" aria-labelledby="proposals-title">
      <h2 id="proposals-title">{t("security.proposals.title")}</h2>
      <p className="muted">{t("security.proposals.intro")}</p>
      {proposals.data && proposals.data.length === 0 && <p className="muted">{t("security.proposals.none")}</p>}
      {proposals.data && proposals.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("security.proposals.kind")}</th>
              <th scope="col">{t("security.proposals.target")}</th>
              <th scope="col">{t("security.proposals.details")}</th>
              <th scope="col">{t("security.proposals.proposedBy")}</th>
              <th scope="col">{t("security.proposals.at")}</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {proposals.data.map((p) => {
              const d = p.details as { role?: string; from?: string; name?: string };
              const mine = p.proposedById === myId;
              const open = (approve: boolean) => {
                decide.reset();
                setPending({
                  id: p.id,
                  kind: p.kind,
                  targetEmail: p.targetEmail,
                  proposedByEmail: p.proposedByEmail,
                  approve,
                });
              };
              return (
                <tr key={p.id} data-testid="access-proposal">
                  <td>{kindLabel(p.kind)}</td>
                  <td className="mono">{p.targetEmail}</td>
                  <td>
                    {d.from && d.role
                      ? `${t(`roles.${d.from}` as MessageKey)} → ${t(`roles.${d.role}` as MessageKey)}`
                      : d.role
                        ? t(`roles.${d.role}` as MessageKey)
                        : ""}
                  </td>
                  <td className="mono">{p.proposedByEmail ?? "?"}</td>
                  <td>{fmt.dateTime(p.proposedAt)}</td>
                  <td className="actions">
                    {canDecide && mine && <span className="muted">{t("security.proposals.yours")}</span>}
                    {canDecide && !mine && (
                      <button type="button" className="btn btn-primary" onClick={() => open(true)}>
                        {t("security.proposals.approve")}
                      </button>
                    )}
                    {canDecide && (
                      <button type="button" className="btn" onClick={() => open(false)}>
                        {t("security.proposals.reject")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t(pending?.approve ? "security.proposals.confirmApproveTitle" : "security.proposals.confirmRejectTitle")}
        body={
          pending
            ? t(pending.approve ? "security.proposals.confirmApprove" : "security.proposals.confirmReject", {
                kind: kindLabel(pending.kind),
                email: pending.targetEmail,
                maker: pending.proposedByEmail ?? "?",
              })
            : ""
        }
        confirmLabel={t(pending?.approve ? "security.proposals.approve" : "security.proposals.reject")}
        cancelLabel={t("security.common.cancel")}
        busy={decide.isPending}
        error={decide.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() =>
          pending && decide.mutate({ id: pending.id, approve: pending.approve, ...(code ? { totpCode: code } : {}) })
        }
      >
        <label>
          {t("security.common.code")}
          <input
            value={code}
            onChange={(e) => setCode(e.target.value.trim())}
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
          />
          <small className="hint">{t("security.common.codeHint")}</small>
        </label>
      </ConfirmDialog>
    </section>
  );
}
