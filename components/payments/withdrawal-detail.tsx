"use client";
// A withdrawal with everything the approver needs: facts, AML score and every rule hit with its
// evidence, the initial-margin check, approvals, history, and the decision panel.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fact } from "../ui/fact";
import { useNow } from "../ui/use-now";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { HitEvidence, ScoreBadge } from "./aml-hits";
import styles from "./payments.module.css";
import { WithdrawalActions, type ActionRights } from "./withdrawal-actions";

export function WithdrawalDetail({ id, rights, userId }: { id: string; rights: ActionRights; userId: string }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const poll = useChangePoll(5_000);
  const q = useQuery({ ...trpc.payments.withdrawal.queryOptions({ id }), refetchInterval: poll });
  const now = useNow();
  // The figure an approval would use now (same check, current cash, debt and marks).
  const pending = q.data?.status === "PENDING_APPROVAL";
  const preview = useQuery({
    ...trpc.payments.marginPreview.queryOptions({ id }),
    enabled: pending,
    refetchInterval: poll,
  });
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  const w = q.data;
  const mc = w.margin;
  const money = (label: string, v: number | null) => (v === null ? null : <Fact label={label}>{fmt.money(v)}</Fact>);
  return (
    <div className="stack">
      <section className="panel">
        <div className="panel-head">
          <h1>{t("payments.detail.title", { amount: fmt.money(w.amount) })}</h1>
          <Link href="/payments/approvals">{t("payments.detail.back")}</Link>
        </div>
        {w.status === "FROZEN" && (
          <p className={styles.notice} role="note">
            {t("payments.detail.frozen", { reason: w.frozenReason ?? "" })}
          </p>
        )}
        {w.appealText && <p className={styles.notice}>{t("payments.detail.appealed", { text: w.appealText })}</p>}
        {w.rejectReason && <p className={styles.notice}>{t("payments.detail.rejected", { reason: w.rejectReason })}</p>}
        {w.coolOffUntil && new Date(w.coolOffUntil).getTime() > now && (
          <p className={styles.notice}>
            {t("payments.detail.coolOff", { time: fmt.dateTime(new Date(w.coolOffUntil)) })}
          </p>
        )}
        {w.requestedById === userId && w.status === "PENDING_APPROVAL" && (
          <p className="muted">{t("payments.detail.youRequested")}</p>
        )}
        {w.approvals.some((a) => a.approverId === userId) && w.status === "PENDING_APPROVAL" && (
          <p className="muted">{t("payments.detail.youApproved")}</p>
        )}
        <dl className="facts">
          <Fact label={t("payments.detail.status")}>
            <span data-testid="withdrawal-status">{t(`payments.status.${w.status as "SENT"}`)}</span>
          </Fact>
          <Fact label={t("payments.detail.account")}>
            <Link href={`/accounts?search=${encodeURIComponent(w.accountCode)}`} className="mono">
              {w.accountCode}
            </Link>
          </Fact>
          <Fact label={t("payments.detail.client")}>{w.clientName}</Fact>
          <Fact label={t("payments.detail.kyc")}>{w.kycLevel ?? "—"}</Fact>
          <Fact label={t("payments.detail.channel")}>{t(`payments.channel.${w.channel as "ACH"}`)}</Fact>
          <Fact label={t("payments.detail.beneficiary")} className={styles.wrap}>
            {w.beneficiaryName} · <span className="mono">{w.beneficiaryAcct}</span>
          </Fact>
          <Fact label={t("payments.detail.requested")}>{fmt.dateTime(new Date(w.createdAt))}</Fact>
          <Fact label={t("payments.detail.source")}>{t(`payments.source.${w.source as "API"}`)}</Fact>
          <Fact label={t("payments.detail.approvals")}>
            <span data-testid="approvals-count">
              {t("payments.detail.approvalsOf", { have: w.approvals.length, need: w.requiredApprovals })}
            </span>
          </Fact>
          <Fact label={t("payments.detail.settlement")}>
            {mc?.valueDate ?? "—"} / {mc?.settlementDate ?? "—"}
          </Fact>
          {w.railRef && (
            <Fact label={t("payments.detail.railRef")}>
              <span className="mono">{w.railRef}</span>
            </Fact>
          )}
          {w.escalated && <Fact label={t("payments.detail.escalated")}>{t("common.yes")}</Fact>}
        </dl>
      </section>
      <div className={styles.grid}>
        <section className="panel">
          <div className="panel-head">
            <h2>{t("payments.detail.aml")}</h2>
            <span>
              <ScoreBadge score={w.amlScore} />{" "}
              <span className="muted small">{t("payments.detail.score", { score: w.amlScore })}</span>
            </span>
          </div>
          {w.amlHits.length === 0 ? (
            <p className="muted">{t("payments.detail.noHits")}</p>
          ) : (
            <HitEvidence hits={w.amlHits} />
          )}
        </section>
        <section className="panel">
          <h2>{t("payments.detail.margin")}</h2>
          {mc && (
            <dl className="facts">
              <Fact label={t("payments.detail.marginSource")}>
                {mc.source === "risk-engine"
                  ? t("payments.detail.sourceRisk")
                  : t("payments.detail.sourceConservative")}
              </Fact>
              {mc.checkedAt && (
                <Fact label={t("payments.detail.checkedAt")}>{fmt.dateTime(new Date(mc.checkedAt))}</Fact>
              )}
              <Fact label={t("payments.detail.marksAsOf")}>
                {mc.marksAsOf ? fmt.dateTime(new Date(mc.marksAsOf)) : "—"}
              </Fact>
              {money(t("payments.detail.cash"), mc.cash)}
              {money(t("payments.detail.debt"), mc.debt)}
              {money(t("payments.detail.marketValue"), mc.marketValue)}
              {money(t("payments.detail.equity"), mc.equity)}
              {money(t("payments.detail.initialMargin"), mc.initialMargin)}
              {money(t("payments.detail.pendingOther"), mc.pendingOther)}
              {money(t("payments.detail.equityAfter"), mc.equityAfter)}
              <Fact label={t("payments.detail.headroom")} className={mc.headroom < 0 ? "up" : "down"}>
                <span data-testid="margin-headroom">{fmt.money(mc.headroom)}</span>
              </Fact>
              {pending && preview.data && (
                <Fact
                  label={t("payments.detail.headroomNow")}
                  className={Number(preview.data.headroom) < 0 ? "up" : "down"}
                >
                  <span data-testid="margin-headroom-now">{fmt.money(Number(preview.data.headroom))}</span>{" "}
                  <span className="muted small">
                    {preview.data.source === "risk-engine"
                      ? t("payments.detail.sourceRisk")
                      : t("payments.detail.sourceConservative")}
                  </span>
                </Fact>
              )}
            </dl>
          )}
        </section>
        <WithdrawalActions w={w} rights={rights} userId={userId} />
        <section className="panel">
          <h2>{t("payments.detail.history")}</h2>
          <ol className={styles.history}>
            {w.history.map((h) => (
              <li key={h.id}>
                <span className="muted">{fmt.dateTime(new Date(h.ts))}</span> · <span className="mono">{h.action}</span>{" "}
                · {h.actorEmail ?? "—"}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </div>
  );
}
