"use client";
// The funding page (F1): sources with utilization and where new lending goes now (failover status),
// a MANAGER marks a source down or up behind the app's confirmation dialog (reason + step-up code);
// tranche products with their share of the waterfall's losses; funding alerts.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { TotpField } from "../ui/totp-field";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";

interface Pending {
  code: string;
  status: "ACTIVE" | "DOWN";
  version: number;
}

export function FundingView({ canManage }: { canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const poll = useChangePoll(15_000);
  const sources = useQuery({ ...trpc.funding.sources.queryOptions(), refetchInterval: poll });
  const tranches = useQuery(trpc.funding.tranches.queryOptions());
  const alerts = useQuery({ ...trpc.funding.alerts.queryOptions(), refetchInterval: poll });
  const [pending, setPending] = useState<Pending | null>(null);
  const [reason, setReason] = useState("");
  const [code, setCode] = useState("");
  const setStatus = useMutation(
    trpc.funding.setSourceStatus.mutationOptions({
      onSuccess: () => {
        setPending(null);
        setReason("");
        setCode("");
        void qc.invalidateQueries({ queryKey: trpc.funding.sources.queryKey() });
        void qc.invalidateQueries({ queryKey: trpc.funding.alerts.queryKey() });
      },
    }),
  );
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  const routing = sources.data?.routing;
  return (
    <div className="stack" data-testid="funding-view">
      <h1>{t("capital.funding.title")}</h1>
      <p className="muted">{t("capital.funding.intro")}</p>
      {sources.isPending && <p className="muted">{t("common.loading")}</p>}
      {sources.isError && (
        <p role="alert" className="form-error">
          {sources.error.message}
        </p>
      )}
      {routing && (
        <p className={routing.failedOver || !routing.activeCode ? "form-error" : "muted"} data-testid="funding-routing">
          {routing.activeCode
            ? t("capital.funding.routing", { code: routing.activeCode })
            : t("capital.funding.noRoute")}{" "}
          {routing.failedOver &&
            routing.preferredCode &&
            routing.reason &&
            t("capital.funding.failedOver", {
              from: routing.preferredCode,
              reason: t(`capital.funding.reasons.${routing.reason}`),
            })}
        </p>
      )}
      {sources.data && sources.data.sources.length === 0 && <p className="muted">{t("capital.funding.empty")}</p>}
      {sources.data && sources.data.sources.length > 0 && (
        <section className="panel" aria-labelledby="sources-title">
          <h2 id="sources-title">{t("capital.funding.title")}</h2>
          <table className="table" data-testid="funding-sources">
            <thead>
              <tr>
                <th scope="col">{t("capital.funding.code")}</th>
                <th scope="col">{t("capital.funding.kind")}</th>
                <th scope="col" className="num">
                  {t("capital.funding.limit")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.drawn")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.utilization")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.cost")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.spike")}
                </th>
                <th scope="col">{t("capital.funding.maturity")}</th>
                <th scope="col">{t("capital.funding.status")}</th>
                <th scope="col">{t("capital.funding.backup")}</th>
                {canManage && <th scope="col">{t("capital.funding.actions")}</th>}
              </tr>
            </thead>
            <tbody>
              {sources.data.sources.map((s) => (
                <tr key={s.code} data-source={s.code} data-status={s.status}>
                  <th scope="row" title={s.name}>
                    {s.code}
                  </th>
                  <td>{t(`capital.funding.kinds.${s.kind as "OWN_CAPITAL"}`)}</td>
                  <td className="num">{fmt.money(s.limitAmount)}</td>
                  <td className="num">{fmt.money(s.drawn)}</td>
                  <td className="num">
                    <meter
                      min={0}
                      max={1}
                      value={s.utilization}
                      aria-label={`${s.code} ${t("capital.funding.utilization")}`}
                    />{" "}
                    {pct(s.utilization)}
                  </td>
                  <td className="num">{pct(s.costRate)}</td>
                  <td className="num">{pct(s.spikeRate)}</td>
                  <td>{fmt.dateTime(new Date(s.maturityDate)).slice(0, 10)}</td>
                  <td>
                    {t(`capital.funding.statuses.${s.status as "ACTIVE"}`)}
                    {s.statusReason && <span className="muted small"> · {s.statusReason}</span>}
                  </td>
                  <td>{s.backupCode ?? "–"}</td>
                  {canManage && (
                    <td>
                      <button
                        type="button"
                        className="btn"
                        onClick={() => {
                          setStatus.reset();
                          setPending({
                            code: s.code,
                            status: s.status === "DOWN" ? "ACTIVE" : "DOWN",
                            version: s.version,
                          });
                        }}
                      >
                        {s.status === "DOWN" ? t("capital.funding.markUp") : t("capital.funding.markDown")}
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <section className="panel" aria-labelledby="tranches-title">
        <h2 id="tranches-title">{t("capital.funding.tranches")}</h2>
        <p className="muted small">{t("capital.funding.tranchesIntro")}</p>
        {tranches.isPending && <p className="muted">{t("common.loading")}</p>}
        {tranches.data && (
          <table className="table" data-testid="tranches">
            <thead>
              <tr>
                <th scope="col">{t("capital.funding.product")}</th>
                <th scope="col" className="num">
                  {t("capital.funding.ratio")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.junior")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.senior")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.juniorLoss")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.seniorLoss")}
                </th>
                <th scope="col" className="num">
                  {t("capital.funding.yields")}
                </th>
              </tr>
            </thead>
            <tbody>
              {tranches.data.products.map((p) => (
                <tr key={p.code}>
                  <th scope="row" title={p.name}>
                    {p.code}
                  </th>
                  <td className="num">1 : {fmt.number(p.ratio, 1)}</td>
                  <td className="num">{fmt.money(p.juniorSize)}</td>
                  <td className="num">{fmt.money(p.seniorSize)}</td>
                  <td className="num">{fmt.money(p.juniorLoss)}</td>
                  <td className="num">{fmt.money(p.seniorLoss)}</td>
                  <td className="num">
                    {pct(p.juniorYield)} / {pct(p.seniorYield)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel" aria-labelledby="falerts-title">
        <h2 id="falerts-title">{t("capital.funding.alerts")}</h2>
        {alerts.data && alerts.data.length === 0 && <p className="muted">{t("capital.funding.noAlerts")}</p>}
        <ul data-testid="funding-alerts">
          {alerts.data?.map((a) => (
            <li key={a.id} data-kind={a.kind}>
              <span className={a.severity === "INFO" ? "muted" : "form-error"}>{a.severity}</span> ·{" "}
              {fmt.dateTime(new Date(a.createdAt))} · {a.message}
            </li>
          ))}
        </ul>
      </section>
      <ConfirmDialog
        open={pending !== null}
        title={
          pending
            ? t(pending.status === "DOWN" ? "capital.funding.confirmDownTitle" : "capital.funding.confirmUpTitle", {
                code: pending.code,
              })
            : ""
        }
        body={
          pending
            ? t(pending.status === "DOWN" ? "capital.funding.confirmDownBody" : "capital.funding.confirmUpBody", {
                code: pending.code,
              })
            : ""
        }
        confirmLabel={t("capital.funding.confirm")}
        cancelLabel={t("capital.funding.cancel")}
        busy={setStatus.isPending}
        error={setStatus.error?.message ?? null}
        onCancel={() => setPending(null)}
        onConfirm={() => {
          if (!pending) return;
          setStatus.mutate({
            code: pending.code,
            status: pending.status,
            reason,
            expectedVersion: pending.version,
            ...(code ? { totpCode: code } : {}),
          });
        }}
      >
        <label className="stack">
          <span>{t("capital.funding.reason")}</span>
          <input value={reason} onChange={(e) => setReason(e.target.value)} required minLength={3} maxLength={500} />
        </label>
        <TotpField label={t("capital.funding.totp")} value={code} onChange={setCode} />
      </ConfirmDialog>
    </div>
  );
}
