"use client";
// Margin parameter governance (R2): the active version, a proposal form (RISK, ADMIN), the pending
// proposal with a TOTP prompt for managers (maker-checker), and the version history with diffs.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useErrorText } from "../i18n/use-error-text";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { ParamImpactPanel } from "../stress/param-impact";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ActiveParams } from "./active-params";
import { ParamProposeForm } from "./param-form";
import styles from "./risk.module.css";

type State = "PROPOSED" | "APPROVED" | "ACTIVE" | "SUPERSEDED" | "REJECTED";
const show = (v: unknown) => (v === null || v === undefined ? "∅" : JSON.stringify(v));

export function ParamsView({
  userId,
  canPropose,
  canApprove,
}: {
  userId: string;
  canPropose: boolean;
  canApprove: boolean;
}) {
  const { t, fmt } = useI18n();
  const errText = useErrorText();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const versions = useQuery({ ...trpc.risk.params.queryOptions(), refetchInterval: useChangePoll(5_000) });
  const invalidate = () => qc.invalidateQueries({ queryKey: trpc.risk.params.queryKey() });
  const active = versions.data?.find((v) => v.status === "ACTIVE");
  const pending = versions.data?.find((v) => v.status === "PROPOSED");

  const [code, setCode] = useState("");
  const [note, setNote] = useState("");
  const [deciding, setDeciding] = useState<"approve" | "reject" | null>(null);
  const decide = useMutation(
    trpc.risk.decideParams.mutationOptions({
      onSuccess: () => {
        setCode("");
        setNote("");
        setDeciding(null);
        void invalidate();
      },
    }),
  );

  return (
    <div className="stack">
      <section className="panel" aria-labelledby="params-title">
        <div className="panel-head">
          <h1 id="params-title">{t("risk.params.title")}</h1>
          {active && <span className="muted">{t("risk.params.active", { version: active.version })}</span>}
        </div>
        {versions.isPending && <p className="muted">{t("common.loading")}</p>}
        {versions.isError && (
          <p role="alert" className="form-error">
            {errText(versions.error)}
          </p>
        )}
        <p className="muted small">{t("risk.params.usedBy")}</p>
      </section>

      {active && <ActiveParams params={active.params} version={active.version} />}

      <section className="panel" aria-labelledby="pending-title">
        <h2 id="pending-title">{t("risk.params.pending")}</h2>
        {decide.isError && (
          <p role="alert" className="form-error">
            {errText(decide.error)}
          </p>
        )}
        {decide.isSuccess && (
          <p className="ok-banner">
            {t("risk.params.decided", {
              version: decide.data.version,
              state: t(`risk.params.states.${decide.data.status as State}`),
            })}
          </p>
        )}
        {versions.data && !pending && <p className="muted">{t("risk.params.none")}</p>}
        {pending && (
          <div data-testid="pending-proposal">
            <p>
              <strong>{t("risk.fig.versionN", { n: pending.version })}</strong> · {pending.reason} ·{" "}
              {t("risk.params.proposedBy")}: {pending.proposedByEmail ?? "—"}
            </p>
            <ul className={styles.diff}>
              {pending.diff.map((c) => (
                <li key={c.path}>
                  {c.path}: {show(c.from)} → {show(c.to)}
                </li>
              ))}
            </ul>
            {/* R2: the approver sees the impact on the live book before the authenticator code. */}
            <ParamImpactPanel version={pending.version} />
            {canApprove && pending.proposedById !== userId && (
              <form className="form-grid" onSubmit={(e) => e.preventDefault()}>
                <label>
                  {t("risk.params.totp")}
                  <input
                    inputMode="numeric"
                    autoComplete="one-time-code"
                    pattern="\d{6}"
                    maxLength={6}
                    value={code}
                    onChange={(e) => setCode(e.target.value)}
                    aria-describedby="totp-hint"
                  />
                </label>
                <span id="totp-hint" className="hint">
                  {t("risk.params.totpHint")}
                </span>
                <label>
                  {t("risk.params.note")}
                  <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={500} />
                </label>
                <div>
                  <button
                    type="button"
                    className="btn btn-primary"
                    disabled={decide.isPending || !/^\d{6}$/.test(code)}
                    onClick={() => setDeciding("approve")}
                  >
                    {t("risk.params.approve")}
                  </button>{" "}
                  <button
                    type="button"
                    className="btn"
                    disabled={decide.isPending || !/^\d{6}$/.test(code)}
                    onClick={() => setDeciding("reject")}
                  >
                    {t("risk.params.reject")}
                  </button>
                </div>
              </form>
            )}
            <ConfirmDialog
              open={deciding !== null}
              title={t(deciding === "reject" ? "risk.params.reject" : "risk.params.approve")}
              body={t(deciding === "reject" ? "risk.params.rejectConfirm" : "risk.params.approveConfirm", {
                version: pending.version,
              })}
              confirmLabel={t(deciding === "reject" ? "risk.params.reject" : "risk.params.approve")}
              cancelLabel={t("common.cancel")}
              busy={decide.isPending}
              error={decide.error ? errText(decide.error) : null}
              onCancel={() => setDeciding(null)}
              onConfirm={() =>
                decide.mutate({
                  version: pending.version,
                  approve: deciding === "approve",
                  totpCode: code,
                  note: note || undefined,
                })
              }
            />
          </div>
        )}
      </section>

      {canPropose && active && (
        <section className="panel" aria-labelledby="propose-title">
          <h2 id="propose-title">{t("risk.params.propose")}</h2>
          <p className="muted small">{t("risk.params.proposeHint")}</p>
          <ParamProposeForm key={active.version} active={active.params} onProposed={() => void invalidate()} />
        </section>
      )}

      {versions.data && (
        <section className="panel" aria-labelledby="versions-title">
          <h2 id="versions-title">{t("risk.params.history")}</h2>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("risk.params.version")}</th>
                <th scope="col">{t("risk.params.state")}</th>
                <th scope="col">{t("risk.params.reason")}</th>
                <th scope="col">{t("risk.params.diff")}</th>
                <th scope="col">{t("risk.params.proposedBy")}</th>
                <th scope="col">{t("risk.params.decidedBy")}</th>
                <th scope="col">{t("risk.params.effective")}</th>
              </tr>
            </thead>
            <tbody>
              {versions.data.map((v) => (
                <tr key={v.version} tabIndex={0}>
                  <td>{t("risk.fig.versionN", { n: v.version })}</td>
                  <td>{t(`risk.params.states.${v.status as State}`)}</td>
                  <td>{v.reason}</td>
                  <td>
                    {v.diff.length === 0 ? (
                      t("risk.params.noDiff")
                    ) : (
                      <ul className={styles.diff}>
                        {v.diff.map((c) => (
                          <li key={c.path}>
                            {c.path}: {show(c.from)} → {show(c.to)}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    {v.proposedByEmail ?? "—"}
                    <br />
                    <span className="muted small">{fmt.dateTime(v.proposedAt)}</span>
                  </td>
                  <td>
                    {v.decidedByEmail ?? "—"}
                    {v.decidedAt && (
                      <>
                        <br />
                        <span className="muted small">{fmt.dateTime(v.decidedAt)}</span>
                      </>
                    )}
                  </td>
                  <td>{v.effectiveMinute ? fmt.dateTime(v.effectiveMinute.getTime() + 60_000) : "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  );
}
