"use client";
// What lies behind a case's anomaly score (S4): the account's order-flow features in the units an
// officer reads, and the cancel ratio and trade clustering of the symbols its hits name (S1).
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

type FeatureName =
  "orderRate" | "cancelRatio" | "turnoverOverEquity" | "paymentFrequency" | "pushShare" | "tradeClustering";

export function CaseFeatures({ accountId, symbols }: { accountId: string; symbols: readonly string[] }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery(trpc.surveillance.features.queryOptions({ accountId, symbols: symbols.slice(0, 20) }));
  const pct = (v: number) => `${fmt.number(v * 100, 1)}%`;
  const show: Record<FeatureName, (v: number) => string> = {
    orderRate: (v) => t("surveillance.features.perMinute", { n: fmt.number(v, 2) }),
    cancelRatio: pct,
    turnoverOverEquity: (v) => `${fmt.number(v, 2)}×`,
    paymentFrequency: (v) => t("surveillance.features.perDay", { n: fmt.number(v, 2) }),
    pushShare: pct,
    tradeClustering: (v) => fmt.number(v, 2),
  };
  return (
    <section className="panel" aria-labelledby="case-features">
      <h2 id="case-features">{t("surveillance.features.title")}</h2>
      {q.isPending ? (
        <p className="muted">{t("common.loading")}</p>
      ) : q.isError ? (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      ) : q.data.features === null ? (
        <p className="muted">{t("surveillance.features.none")}</p>
      ) : (
        <>
          <dl className="facts" data-testid="case-features">
            {q.data.features.map((f) => (
              <div key={f.name}>
                <dt>{t(`surveillance.features.${f.name}`)}</dt>
                <dd className="num">{show[f.name](f.value)}</dd>
              </div>
            ))}
          </dl>
          <p className="small muted">{t("surveillance.features.clusteringHint")}</p>
          {q.data.symbols.length > 0 && (
            <table className="table" data-testid="symbol-flow">
              <caption>{t("surveillance.features.symbols")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("surveillance.features.symbol")}</th>
                  <th scope="col" className="num">
                    {t("surveillance.features.trades")}
                  </th>
                  <th scope="col" className="num">
                    {t("surveillance.features.cancelRatio")}
                  </th>
                  <th scope="col" className="num">
                    {t("surveillance.features.tradeClustering")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {q.data.symbols.map((s) => (
                  <tr key={s.symbol}>
                    <td className="mono">{s.symbol}</td>
                    <td className="num">{s.flow ? fmt.integer(s.flow.trades) : "—"}</td>
                    <td className="num">{s.flow ? pct(s.flow.cancelRatio) : "—"}</td>
                    <td className="num">{s.flow ? fmt.number(s.flow.tradeClustering, 2) : "—"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
