"use client";
// The versions of one governed capital change (LCR assumptions or rebalancing plans) with who proposed
// and decided them; a MANAGER other than the proposer approves or rejects a waiting one in the app's
// dialog, with a note and the authenticator code (session step-up).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { TotpField } from "../ui/totp-field";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export type GovernedKey = "capital.liquidity" | "capital.rebalance";

export interface VersionRow {
  version: number;
  status: string;
  reason: string;
  proposedById: string;
  proposedByEmail: string;
  proposedAt: Date | string;
  decidedByEmail: string | null;
  decidedAt: Date | string | null;
  decisionNote: string | null;
}

export function GovernedVersions<R extends VersionRow>(props: {
  settingKey: GovernedKey;
  rows: R[];
  userId: string;
  canApprove: boolean;
  /** What the version changes, shown under its row. */
  describe: (row: R) => ReactNode;
  /** What approving does, said in the dialog. */
  approveBody: (row: R) => string;
}) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [pending, setPending] = useState<{ row: R; approve: boolean } | null>(null);
  const [note, setNote] = useState("");
  const [code, setCode] = useState("");
  const decide = useMutation(
    trpc.capital.decide.mutationOptions({
      onSuccess: () => {
        setPending(null);
        setNote("");
        setCode("");
        void qc.invalidateQueries({ queryKey: trpc.capital.pathKey() });
      },
    }),
  );
  if (props.rows.length === 0) return <p className="muted">{t("capital.changes.noVersions")}</p>;
  return (
    <>
      <ul className="stack" data-testid={`versions-${props.settingKey}`}>
        {props.rows.map((r) => (
          <li key={r.version} className="panel" data-version={r.version} data-status={r.status}>
            <p>
              <strong>{t("capital.changes.version", { v: r.version })}</strong> ·{" "}
              {t(`capital.changes.statuses.${r.status as "PROPOSED"}`)} ·{" "}
              {t("capital.changes.proposedBy", { who: r.proposedByEmail, at: fmt.dateTime(new Date(r.proposedAt)) })}
              {r.decidedByEmail && r.decidedAt && (
                <>
                  {" · "}
                  {t("capital.changes.decidedBy", { who: r.decidedByEmail, at: fmt.dateTime(new Date(r.decidedAt)) })}
                </>
              )}
            </p>
            <p className="muted small">
              {t("capital.changes.reason")}: {r.reason}
              {r.decisionNote && ` · ${t("capital.changes.note")}: ${r.decisionNote}`}
            </p>
            {props.describe(r)}
            {r.status === "PROPOSED" && props.canApprove && (
              <div className="actions">
                {r.proposedById === props.userId ? (
                  <span className="muted small">{t("capital.changes.ownProposal")}</span>
                ) : (
                  <>
                    <button
                      type="button"
                      className="btn btn-primary"
                      onClick={() => {
                        decide.reset();
                        setPending({ row: r, approve: true });
                      }}
                    >
                      {t("capital.changes.approve")}
                    </button>
                    <button
                      type="button"
                      className="btn"
                      onClick={() => {
                        decide.reset();
                        setPending({ row: r, approve: false });
                      }}
                    >
                      {t("capital.changes.reject")}
                    </button>
                  </>
                )}
              </div>
            )}
          </li>
        ))}
      </ul>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending
            ? t(pending.approve ? "capital.changes.approveTitle" : "capital.changes.rejectTitle", {
                v: pending.row.version,
              })
            : ""
        }
        body={pending ? (pending.approve ? props.approveBody(pending.row) : t("capital.changes.rejectBody")) : ""}
        confirmLabel={pending?.approve ? t("capital.changes.approve") : t("capital.changes.reject")}
        cancelLabel={t("capital.funding.cancel")}
        busy={decide.isPending}
        error={decide.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          decide.mutate({
            key: props.settingKey,
            version: pending.row.version,
            approve: pending.approve,
            ...(note.trim() ? { note: note.trim() } : {}),
            ...(code ? { totpCode: code } : {}),
          });
        }}
      >
        <label className="stack">
          <span>{t("capital.changes.note")}</span>
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
        </label>
        <TotpField label={t("capital.funding.totp")} value={code} onChange={setCode} />
      </ConfirmDialog>
    </>
  );
}
