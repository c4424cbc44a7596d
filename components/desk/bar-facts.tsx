"use client";
// Figures of the latest bar under the chart, with units. data-* attributes let tests and
// screen readers follow the live bar.
import type { Bar } from "@/server/market/types";
import { useI18n } from "../i18n/i18n-provider";
import { Fact } from "../ui/fact";

export function BarFacts({ bar, prevClose }: { bar: Bar; prevClose: number }) {
  const { t, fmt } = useI18n();
  const change = prevClose > 0 ? bar.close / prevClose - 1 : 0;
  const direction = change >= 0 ? "up" : "down";
  return (
    <dl
      className="facts"
      data-testid="last-bar"
      data-bar-time={bar.ts}
      data-close={bar.close}
      data-volume={bar.volume}
      aria-live="polite"
    >
      <Fact label={t("desk.barTime")}>{fmt.time(bar.ts)}</Fact>
      <Fact label={t("desk.last")} className={direction}>
        {fmt.price(bar.close)}
      </Fact>
      <Fact label={t("desk.change")} className={direction}>
        {fmt.percent(change)}
      </Fact>
      <Fact label={t("desk.volume")}>
        {fmt.integer(bar.volume)} {t("desk.shares")}
      </Fact>
      <Fact label={t("desk.vwap")}>{fmt.price(bar.vwap)}</Fact>
      <Fact label={t("desk.spread")}>{t("deskux.evidence.bp", { v: fmt.number(bar.spreadBps, 1) })}</Fact>
      <Fact label={t("desk.imbalance")}>{fmt.percent(bar.imbalance)}</Fact>
    </dl>
  );
}
