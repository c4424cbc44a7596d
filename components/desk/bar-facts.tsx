"use client";
// Figures of the latest bar under the chart, with units. data-* attributes let tests and
// screen readers follow the live bar.
import type { Bar } from "@/server/market/types";
import { useI18n } from "../i18n/i18n-provider";

export function BarFacts({ bar, prevClose }: { bar: Bar; prevClose: number }) {
  const { t, fmt } = useI18n();
  const change = prevClose > 0 ? bar.close / prevClose - 1 : 0;
  return (
    <dl
      className="facts"
      data-testid="last-bar"
      data-bar-time={bar.ts}
      data-close={bar.close}
      data-volume={bar.volume}
      aria-live="polite"
    >
      <div>
        <dt>{t("desk.barTime")}</dt>
        <dd>{fmt.time(bar.ts)}</dd>
      </div>
      <div>
        <dt>{t("desk.last")}</dt>
        <dd className={change >= 0 ? "up" : "down"}>{fmt.price(bar.close)}</dd>
      </div>
      <div>
        <dt>{t("desk.change")}</dt>
        <dd className={change >= 0 ? "up" : "down"}>{fmt.percent(change)}</dd>
      </div>
      <div>
        <dt>{t("desk.volume")}</dt>
        <dd>{fmt.integer(bar.volume)} {t("desk.shares")}</dd>
      </div>
      <div>
        <dt>{t("desk.vwap")}</dt>
        <dd>{fmt.price(bar.vwap)}</dd>
      </div>
      <div>
        <dt>{t("desk.spread")}</dt>
        <dd>{fmt.number(bar.spreadBps, 1)} bp</dd>
      </div>
      <div>
        <dt>{t("desk.imbalance")}</dt>
        <dd>{fmt.percent(bar.imbalance)}</dd>
      </div>
    </dl>
  );
}

