"use client";
// C4: preview a credit-limit rebalancing plan computed on the server from the live book (by ES
// contribution per yuan of limit, or by income per unit of risk), then propose it with a reason. The
// limits change only when another MANAGER approves it (see GovernedVersions).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

interface Change {
  accountId: string;
  code: string;
  fromFen: number;
  toFen: number;
}

export function PlanTable({ changes, total }: { changes: Change[]; total: number }) {
  const { t, fmt } = useI18n();
  if (changes.length === 0) return <p className="muted">{t("capital.changes.nothingToMove")}</p>;
  return (
    <>
      <table className="table" data-testid="plan-table">
        <thead>
          <tr>
            <th scope="col">{t("capital.dashboard.account")}</th>
            <th scope="col" className="num">
              {t("capital.changes.limitNow")}
            </th>
            <th scope="col" className="num">
              {t("capital.changes.limitAfter")}
            </th>
            <th scope="col" className="num">
              {t("capital.changes.limitChange")}
            </th>
          </tr>
        </thead>
        <tbody>
          {changes.map((c) => (
            <tr key={c.accountId}>
              <th scope="row">
                <Link href={`/accounts/${c.accountId}`}>{c.code}</Link>
              </th>
              <td className="num">{fmt.money(c.fromFen / 100)}</td>
              <td className="num">{fmt.money(c.toFen / 100)}</td>
              <td className="num">{fmt.money((c.toFen - c.fromFen) / 100)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {total > changes.length && (
        <p className="muted small">{t("capital.changes.moreRows", { shown: changes.length, total })}</p>
      )}
    </>
  );
}

export function RebalancePanel({ canPropose }: { canPropose: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [mode, setMode] = useState<"RISK" | "RETURN_RISK">("RISK");
  const [shift, setShift] = useState("10");
  const [group, setGroup] = useState("10");
  const [asked, setAsked] = useState<{ mode: typeof mode; shiftShare: number; groupShare: number } | null>(null);
  const [reason, setReason] = useState("");
  const inRange = (v: string) => Number.isFinite(Number(v)) && Number(v) >= 1 && Number(v) <= 50;
  const preview = useQuery({
    ...trpc.capital.previewRebalance.queryOptions(asked ?? { mode, shiftShare: 0.1, groupShare: 0.1 }),
    enabled: asked !== null,
  });
  const propose = useMutation(
    trpc.capital.proposeRebalance.mutationOptions({
      onSuccess: () => {
        setReason("");
        void qc.invalidateQueries({ queryKey: trpc.capital.governance.queryKey() });
      },
    }),
  );
  return (
    <div className="stack" data-testid="rebalance-panel">
      <p className="muted small">{t("capital.changes.rebalanceIntro")}</p>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          if (inRange(shift) && inRange(group))
            setAsked({ mode, shiftShare: Number(shift) / 100, groupShare: Number(group) / 100 });
        }}
      >
        <label className="stack">
          <span>{t("capital.changes.mode")}</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as typeof mode)}>
            <option value="RISK">{t("capital.changes.modes.RISK")}</option>
            <option value="RETURN_RISK">{t("capital.changes.modes.RETURN_RISK")}</option>
          </select>
        </label>
        <label className="stack">
          <span>{t("capital.changes.shift")} (%)</span>
          <input
            inputMode="decimal"
            value={shift}
            onChange={(e) => setShift(e.target.value)}
            aria-invalid={!inRange(shift)}
          />
          {!inRange(shift) && <span className="form-error small">{t("capital.changes.range1to50")}</span>}
        </label>
        <label className="stack">
          <span>{t("capital.changes.group")} (%)</span>
          <input
            inputMode="decimal"
            value={group}
            onChange={(e) => setGroup(e.target.value)}
            aria-invalid={!inRange(group)}
          />
          {!inRange(group) && <span className="form-error small">{t("capital.changes.range1to50")}</span>}
        </label>
        <div className="actions">
          <button type="submit" className="btn" disabled={!inRange(shift) || !inRange(group)}>
            {t("capital.changes.preview")}
          </button>
        </div>
      </form>
      {preview.isFetching && <p className="muted">{t("common.loading")}</p>}
      {preview.isError && (
        <p role="alert" className="form-error">
          {preview.error.message}
        </p>
      )}
      {preview.data && asked && (
        <>
          <p data-testid="plan-summary">
            {t("capital.changes.planSummary", {
              n: fmt.integer(preview.data.changeCount),
              moved: fmt.money(preview.data.movedFen / 100),
              ranked: fmt.integer(preview.data.accountsRanked),
            })}
          </p>
          <PlanTable changes={preview.data.changes} total={preview.data.changeCount} />
          {canPropose && preview.data.changeCount > 0 && (
            <form
              className="stack"
              onSubmit={(e) => {
                e.preventDefault();
                propose.mutate({ ...asked, reason: reason.trim() });
              }}
            >
              <label className="stack">
                <span>{t("capital.changes.reason")}</span>
                <input
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  minLength={5}
                  maxLength={1000}
                  required
                />
              </label>
              {propose.error && (
                <p role="alert" className="form-error">
                  {propose.error.message}
                </p>
              )}
              {propose.isSuccess && propose.data.version !== null && (
                <p role="status" className="muted">
                  {t("capital.changes.proposed", { v: propose.data.version })}
                </p>
              )}
              <div className="actions">
                <button
                  type="submit"
                  className="btn btn-primary"
                  disabled={reason.trim().length < 5 || propose.isPending}
                >
                  {t("capital.changes.proposePlan")}
                </button>
              </div>
            </form>
          )}
        </>
      )}
    </div>
  );
}
