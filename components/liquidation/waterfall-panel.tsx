"use client";
// The loss waterfall (R8): after the client's own margin, each layer's live balance (what it can still
// absorb), what it has absorbed and the usage of what it was funded with, in the order losses reach them.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./liquidation.module.css";
import { POLL_MS, useLiveTickets } from "./live-tickets";

export function WaterfallPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const live = useLiveTickets();
  const layers = useQuery({
    ...trpc.liquidation.waterfall.queryOptions(),
    refetchInterval: live.polling ? POLL_MS : false,
  });
  return (
    <section className="panel" aria-labelledby="waterfall-title" data-testid="waterfall">
      <h2 id="waterfall-title">{t("liquidation.waterfall.title")}</h2>
      <p className="muted small">{t("liquidation.waterfall.intro")}</p>
      {layers.isPending && <p className="muted">{t("common.loading")}</p>}
      {layers.isError && (
        <p role="alert" className="form-error">
          {layers.error.message}
        </p>
      )}
      {layers.data && (
        <ol className={styles.layers}>
          <li>{t("liquidation.waterfall.clientMargin")}</li>
          {layers.data.map((l, i) => {
            const usage = l.funded > 0 ? l.absorbed / l.funded : 0;
            return (
              <li key={l.layer} data-layer={l.layer}>
                <div className={styles.layerHead}>
                  <span>
                    {i + 2}. {t(`liquidation.layer.${l.layer}`)}
                  </span>
                  <span className={styles.layerFigures}>
                    {t("liquidation.waterfall.balance")} {fmt.money(l.balance)} · {t("liquidation.waterfall.used")}{" "}
                    {fmt.money(l.absorbed)} · {t("liquidation.waterfall.usage")} {fmt.percent(usage).replace(/^\+/, "")}
                  </span>
                </div>
                <div
                  className={styles.bar}
                  role="meter"
                  aria-valuemin={0}
                  aria-valuemax={100}
                  aria-valuenow={Math.round(usage * 100)}
                  aria-label={t(`liquidation.layer.${l.layer}`)}
                >
                  <div className={styles.barFill} style={{ width: `${Math.min(100, usage * 100)}%` }} />
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {layers.data?.every((l) => l.funded === 0) && <p className="muted small">{t("liquidation.waterfall.empty")}</p>}
    </section>
  );
}
