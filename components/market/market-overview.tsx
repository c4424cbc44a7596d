"use client";
// M3/M4 overview: the watchlist as a grid of tiles with live sparklines (refreshed at every minute
// close pushed over SSE), the EWMA sigma, spread ratio, 15m trend, open alerts and active actions.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./market.module.css";
import { Sparkline } from "./sparkline";

export function MarketOverview() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery({ ...trpc.market.watchlist.queryOptions(), refetchOnWindowFocus: false });
  const [lastMinute, setLastMinute] = useState<number | null>(null);
  useSubscription(
    trpc.market.onMinute.subscriptionOptions(undefined, {
      onData: (e) => {
        setLastMinute(e.data.minuteTs);
        void queryClient.invalidateQueries({ queryKey: trpc.market.watchlist.queryKey() });
      },
    }),
  );

  return (
    <div className="stack">
      <div className="panel-head">
        <div>
          <h1>{t("market.overview.title")}</h1>
          <p className="muted small">{t("market.overview.subtitle")}</p>
        </div>
        {lastMinute !== null && (
          <span className="muted small" data-testid="overview-minute" data-minute={lastMinute}>
            {t("market.overview.lastMinute", { time: fmt.time(lastMinute) })}
          </span>
        )}
      </div>
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.isError && (
        <p role="alert" className="form-error">
          {list.error.message}{" "}
          <button type="button" className="btn btn-ghost" onClick={() => void list.refetch()}>
            {t("common.retry")}
          </button>
        </p>
      )}
      {list.isSuccess && list.data.length === 0 && <p className="muted">{t("common.empty")}</p>}
      <div className={styles.grid} data-testid="watchlist">
        {list.data?.map((s) => {
          const closes = s.closes.map((c) => c.close);
          const last = closes[closes.length - 1];
          const change = last !== undefined && s.prevClose > 0 ? last / s.prevClose - 1 : null;
          const dir = change !== null && change < 0 ? "down" : "up";
          return (
            <Link
              key={s.code}
              href={`/market/${s.code}`}
              className={styles.tile}
              data-testid="watch-tile"
              data-symbol={s.code}
            >
              <div className={styles.tileHead}>
                <strong>{s.code}</strong>
                {last !== undefined ? (
                  <span className={dir}>{fmt.price(last)}</span>
                ) : (
                  <span className="muted small">{t("market.overview.noBars")}</span>
                )}
              </div>
              <div className={styles.tileHead}>
                <span className={styles.tileName}>
                  {s.name} · {s.sector}
                </span>
                {change !== null && <span className={`${dir} small`}>{fmt.percent(change)}</span>}
              </div>
              <Sparkline values={closes} label={`${s.code} ${s.name}`} width={200} />
              <div className={styles.tileFigures}>
                <span>
                  {t("market.overview.sigma")} {s.sigma !== null ? `${fmt.number(s.sigma * 100, 3)}%` : "–"}
                </span>
                <span>
                  {t("market.overview.spreadRatio")} {s.spreadRatio !== null ? fmt.number(s.spreadRatio, 1) : "–"}
                </span>
                <span>
                  {t("market.overview.trend15")} {s.trend15 !== null ? fmt.percent(s.trend15) : "–"}
                </span>
              </div>
              {(s.openAlerts > 0 || s.marginMultiplier > 1 || s.buyRestricted) && (
                <div className={styles.badges}>
                  {s.openAlerts > 0 && (
                    <span className={`${styles.badge} ${styles.warning}`}>
                      {t("market.overview.openAlerts", { n: s.openAlerts })}
                    </span>
                  )}
                  {s.marginMultiplier > 1 && (
                    <span className={`${styles.badge} ${styles.critical}`}>
                      {t("market.overview.margin", { x: fmt.number(s.marginMultiplier, 2) })}
                    </span>
                  )}
                  {s.buyRestricted && (
                    <span className={`${styles.badge} ${styles.critical}`}>{t("market.overview.buysRestricted")}</span>
                  )}
                </div>
              )}
            </Link>
          );
        })}
      </div>
    </div>
  );
}
