"use client";
// The account's client rate for new lending (F1): the funding source's cost plus the risk premium
// from its portfolio volatility, its last 12 months and the term, each part shown with its unit.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { Fact } from "../ui/fact";

export function AccountPricing({ accountId }: { accountId: string }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery(trpc.funding.quote.queryOptions({ accountId }));
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  return (
    <section className="panel" aria-labelledby="pricing-title" data-testid="account-pricing">
      <h2 id="pricing-title">{t("capital.pricing.title")}</h2>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && !q.data.quote && <p className="form-error">{t("capital.funding.noRoute")}</p>}
      {q.data?.quote && (
        <>
          <dl className="facts">
            <Fact label={t("capital.pricing.rate", { days: q.data.termDays })}>
              <strong>{pct(q.data.quote.rate)}</strong>
              {q.data.quote.capped && <span className="small"> · {t("capital.pricing.capped")}</span>}
            </Fact>
            <Fact label={t("capital.pricing.sourceCost", { code: q.data.sourceCode ?? "–" })}>
              {pct(q.data.quote.sourceCost)}
            </Fact>
            <Fact label={t("capital.pricing.vol", { sigma: pct(q.data.sigmaAnnual) })}>
              {pct(q.data.quote.volPremium)}
            </Fact>
            <Fact label={t("capital.pricing.history")}>{pct(q.data.quote.historyPremium)}</Fact>
            <Fact label={t("capital.pricing.term")}>{pct(q.data.quote.termPremium)}</Fact>
          </dl>
          <p className="muted small">
            {t("capital.pricing.basis", {
              calls: q.data.marginCalls12m,
              liquidations: q.data.liquidations12m,
              overdue: q.data.overdueDays12m,
            })}
            {q.data.failedOverFrom && ` ${t("capital.pricing.failedOver", { from: q.data.failedOverFrom })}`}
          </p>
        </>
      )}
    </section>
  );
}
