"use client";
// M6 measurement on screen: bar close -> alerts and actions persisted and pushed, over the last minutes.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { Fact } from "../ui/fact";

export function LatencyPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const latency = useQuery(trpc.monitoring.latency.queryOptions());
  const ms = (v: number | null | undefined) => (v === null || v === undefined ? "–" : `${fmt.integer(v)} ms`);
  return (
    <section className="panel" aria-labelledby="latency-title">
      <div className="panel-head">
        <h2 id="latency-title">{t("market.alerts.latencyTitle")}</h2>
      </div>
      {latency.isPending && <p className="muted">{t("common.loading")}</p>}
      {latency.isError && (
        <p role="alert" className="form-error">
          {latency.error.message}
        </p>
      )}
      {latency.isSuccess && latency.data.samples === 0 && <p className="muted">{t("market.alerts.noLatency")}</p>}
      {latency.isSuccess && latency.data.samples > 0 && (
        <dl className="facts" data-testid="latency-facts" data-p95={latency.data.p95 ?? ""}>
          <Fact label={t("market.alerts.p50")}>{ms(latency.data.p50)}</Fact>
          <Fact label={t("market.alerts.p95")}>{ms(latency.data.p95)}</Fact>
          <Fact label={t("market.alerts.max")}>{ms(latency.data.max)}</Fact>
          <Fact label={t("market.alerts.samples", { n: latency.data.samples })}>
            {ms(latency.data.last?.latencyMs)}
          </Fact>
        </dl>
      )}
    </section>
  );
}
