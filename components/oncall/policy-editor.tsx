"use client";
// The paging policy: ADMIN edits a draft of the version in force and proposes it with a reason; a
// MANAGER (not the proposer) approves or rejects the pending version with an authenticator code.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import type { AppRouter } from "@/server/api/root";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

type Policy = inferRouterOutputs<AppRouter>["oncall"]["policies"]["inForce"]["policy"];
const ROLES = ["RISK", "COMPLIANCE", "MANAGER", "ADMIN"] as const;
const SEVERITIES = ["INFO", "WARNING", "CRITICAL"] as const;

export function PolicyEditor({ canPropose, canDecide }: { canPropose: boolean; canDecide: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.oncall.policies.queryOptions());
  const [draft, setDraft] = useState<Policy | null>(null);
  const [reason, setReason] = useState("");
  const [confirmPropose, setConfirmPropose] = useState(false);
  const [decision, setDecision] = useState<{ version: number; approve: boolean } | null>(null);
  const [code, setCode] = useState("");
  const invalidate = () => void qc.invalidateQueries({ queryKey: trpc.oncall.policies.pathKey() });
  const propose = useMutation(
    trpc.oncall.proposePolicy.mutationOptions({
      onSuccess: () => {
        setConfirmPropose(false);
        setDraft(null);
        setReason("");
        invalidate();
      },
    }),
  );
  const decide = useMutation(
    trpc.oncall.decidePolicy.mutationOptions({
      onSuccess: () => {
        setDecision(null);
        setCode("");
        invalidate();
      },
    }),
  );
  const policy = draft ?? q.data?.inForce.policy ?? null;
  const pending = q.data?.versions.find((v) => v.status === "PROPOSED") ?? null;
  const edit = (fn: (p: Policy) => Policy) => policy && setDraft(fn(structuredClone(policy)));

  return (
    <section className="panel stack" aria-labelledby="policy-title">
      <div className="panel-head">
        <h2 id="policy-title">{t("oncall.policy.title")}</h2>
        <span className="muted">
          {q.data &&
            (q.data.inForce.version === 0
              ? t("oncall.policy.builtIn")
              : t("oncall.policy.inForce", { v: q.data.inForce.version }))}
        </span>
      </div>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {pending && (
        <div className="stack" role="status">
          <p>
            {t("oncall.policy.pending", { v: pending.version, who: pending.proposedByEmail, reason: pending.reason })}
          </p>
          {canDecide && (
            <div style={{ display: "flex", gap: "0.5rem" }}>
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => setDecision({ version: pending.version, approve: true })}
              >
                {t("oncall.policy.approve")}
              </button>
              <button
                type="button"
                className="btn"
                onClick={() => setDecision({ version: pending.version, approve: false })}
              >
                {t("oncall.policy.reject")}
              </button>
            </div>
          )}
        </div>
      )}
      {policy && (
        <table className="table" data-testid="policy">
          <thead>
            <tr>
              <th scope="col">{t("oncall.policy.event")}</th>
              <th scope="col">{t("oncall.policy.pages")}</th>
              <th scope="col">{t("oncall.policy.severity")}</th>
              <th scope="col">{t("oncall.policy.firstRole")}</th>
              <th scope="col">{t("oncall.policy.escalate")}</th>
            </tr>
          </thead>
          <tbody>
            {policy.rules.map((r, i) => (
              <tr key={r.kind}>
                <th scope="row">{t(`oncall.kind.${r.kind.replace(".", "_")}` as "oncall.kind.oncall_drill")}</th>
                <td>
                  <input
                    type="checkbox"
                    aria-label={t("oncall.policy.pages")}
                    disabled={!canPropose}
                    checked={r.enabled}
                    onChange={(e) => edit((p) => ((p.rules[i]!.enabled = e.target.checked), p))}
                  />
                </td>
                <td>
                  <select
                    aria-label={t("oncall.policy.severity")}
                    disabled={!canPropose}
                    value={r.severity ?? ""}
                    onChange={(e) =>
                      edit(
                        (p) => (
                          (p.rules[i]!.severity = (e.target.value || null) as Policy["rules"][number]["severity"]),
                          p
                        ),
                      )
                    }
                  >
                    <option value="">{t("oncall.policy.asProduced")}</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {t(`oncall.severity.${s}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <select
                    aria-label={t("oncall.policy.firstRole")}
                    disabled={!canPropose}
                    value={r.firstRole}
                    onChange={(e) =>
                      edit((p) => ((p.rules[i]!.firstRole = e.target.value as (typeof ROLES)[number]), p))
                    }
                  >
                    {ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`oncall.role.${role}`)}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="number"
                    min={1}
                    max={240}
                    aria-label={t("oncall.policy.escalate")}
                    disabled={!canPropose}
                    value={r.escalateAfterMinutes}
                    onChange={(e) => edit((p) => ((p.rules[i]!.escalateAfterMinutes = Number(e.target.value)), p))}
                  />{" "}
                  min
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {policy && (
        <fieldset className="stack" disabled={!canPropose}>
          <legend>{t("oncall.policy.quiet")}</legend>
          <p className="muted">{t("oncall.policy.quietHint")}</p>
          <label style={{ flexDirection: "row", alignItems: "center" }}>
            <input
              type="checkbox"
              checked={policy.quietHours === null}
              onChange={(e) =>
                edit((p) => ({ ...p, quietHours: e.target.checked ? null : { start: "22:00", end: "07:00" } }))
              }
            />
            {t("oncall.policy.quietOff")}
          </label>
          {policy.quietHours && (
            <div style={{ display: "flex", gap: "0.5rem" }}>
              <label>
                {t("oncall.policy.from")}
                <input
                  type="time"
                  value={policy.quietHours.start}
                  onChange={(e) => edit((p) => ({ ...p, quietHours: { ...p.quietHours!, start: e.target.value } }))}
                />
              </label>
              <label>
                {t("oncall.policy.to")}
                <input
                  type="time"
                  value={policy.quietHours.end}
                  onChange={(e) => edit((p) => ({ ...p, quietHours: { ...p.quietHours!, end: e.target.value } }))}
                />
              </label>
            </div>
          )}
        </fieldset>
      )}
      {canPropose && draft && (
        <form
          style={{ display: "flex", gap: "0.5rem", alignItems: "flex-end" }}
          onSubmit={(e) => {
            e.preventDefault();
            setConfirmPropose(true);
          }}
        >
          <label>
            {t("oncall.policy.reason")}
            <input required minLength={5} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </label>
          <button type="submit" className="btn btn-primary">
            {t("oncall.policy.propose")}
          </button>
          <button type="button" className="btn" onClick={() => setDraft(null)}>
            {t("common.cancel")}
          </button>
        </form>
      )}
      <ConfirmDialog
        open={confirmPropose}
        title={t("oncall.policy.proposeTitle")}
        body={t("oncall.policy.proposeBody")}
        confirmLabel={t("oncall.policy.propose")}
        cancelLabel={t("common.cancel")}
        busy={propose.isPending}
        error={propose.error?.message ?? null}
        onCancel={() => setConfirmPropose(false)}
        onConfirm={() => draft && propose.mutate({ policy: draft, reason })}
      />
      <ConfirmDialog
        open={decision !== null}
        title={t("oncall.policy.decideTitle", { v: decision?.version ?? 0 })}
        body={t("oncall.policy.decideBody")}
        confirmLabel={t(decision?.approve ? "oncall.policy.approve" : "oncall.policy.reject")}
        cancelLabel={t("common.cancel")}
        busy={decide.isPending}
        error={decide.error?.message ?? null}
        onCancel={() => setDecision(null)}
        onConfirm={() => decision && decide.mutate({ ...decision, totpCode: code || undefined })}
      >
        <label>
          {t("oncall.policy.code")}
          <input
            inputMode="numeric"
            autoComplete="one-time-code"
            pattern="\d{6}"
            maxLength={6}
            value={code}
            onChange={(e) => setCode(e.target.value)}
          />
        </label>
      </ConfirmDialog>
    </section>
  );
}
