"use client";
// One finished run (T2): its KPIs with units, the loss waterfall's usage, the charts (margin-level
// distribution, liquidation notional per minute, waterfall) and, for Monte Carlo, the distribution
// of the KPIs over the paths.
import { useCallback, useMemo } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { Fact } from "../ui/fact";
import { buildKpiRows } from "./kpi-rows";
import type { Kpis, Series } from "./run-types";
import { CategoryChart, MinuteChart } from "./stress-charts";

export function RunResult(props: {
  name: string;
  paramVersion: number | null;
  bookDigest: string | null;
  kpis: Kpis;
  series: Series;
}) {
  const { t, fmt, locale } = useI18n();
  const { kpis: k, series: s } = props;
  const rows = buildKpiRows(t, fmt, k);
  const bandSeries = useMemo(
    () => [
      { name: t("stress.charts.worst"), color: "#d04f4f", values: s.marginLevelBands.worst },
      { name: t("stress.charts.end"), color: "#4c8ee0", values: s.marginLevelBands.end },
    ],
    [s, t],
  );
  const layerLabels = useMemo(() => k.waterfall.map((w) => t(`stress.kpi.layers.${w.layer}`)), [k, t]);
  const waterfallSeries = useMemo(
    () => [{ name: t("stress.kpi.absorbed"), color: "#e0b84c", values: k.waterfall.map((w) => w.absorbed) }],
    [k, t],
  );
  const count = useCallback((v: number) => fmt.integer(v), [fmt]);
  const minuteLabel = useCallback((m: number) => t("stress.charts.minute", { m }), [t]);
  const mc = s.mc;
  return (
    <section className="panel stack" aria-labelledby="run-result-title" data-testid="stress-result">
      <div>
        <h2 id="run-result-title">{t("stress.kpi.title", { name: props.name })}</h2>
        <p className="muted small">
          {t("stress.kpi.meta", {
            accounts: fmt.integer(k.accounts),
            v: props.paramVersion ?? "–",
            steps: fmt.integer(k.steps),
            minutes: fmt.integer(k.minutes),
            digest: (props.bookDigest ?? "").slice(0, 12),
          })}
        </p>
      </div>
      <dl className="facts" data-testid="stress-kpis">
        {rows.map((r) => (
          <Fact
            key={r.key}
            label={r.label}
            className={r.key === "gf" && !k.guaranteeFundSufficient ? "down" : undefined}
          >
            {r.value}
          </Fact>
        ))}
      </dl>
      <div>
        <h3>{t("stress.charts.bands", { step: s.marginLevelBands.worstStepLabel })}</h3>
        <CategoryChart
          locale={locale}
          labels={s.marginLevelBands.labels}
          series={bandSeries}
          format={count}
          label={t("stress.charts.bands", { step: s.marginLevelBands.worstStepLabel })}
          testId="stress-bands-chart"
        />
      </div>
      <div>
        <h3>{t("stress.charts.liquidation")}</h3>
        {s.liquidationByMinute.length === 0 ? (
          <p className="muted">{t("stress.charts.noLiquidation")}</p>
        ) : (
          <MinuteChart
            locale={locale}
            points={s.liquidationByMinute}
            format={fmt.money}
            minuteLabel={minuteLabel}
            label={t("stress.charts.liquidation")}
          />
        )}
      </div>
      <div>
        <h3>{t("stress.kpi.waterfall")}</h3>
        <CategoryChart
          locale={locale}
          labels={layerLabels}
          series={waterfallSeries}
          format={fmt.money}
          label={t("stress.charts.waterfall")}
          testId="stress-waterfall-chart"
        />
        <table className="table" data-testid="stress-waterfall">
          <thead>
            <tr>
              <th scope="col">{t("stress.kpi.layer")}</th>
              <th scope="col" className="num">
                {t("stress.kpi.balance")}
              </th>
              <th scope="col" className="num">
                {t("stress.kpi.absorbed")}
              </th>
            </tr>
          </thead>
          <tbody>
            {k.waterfall.map((w) => (
              <tr key={w.layer}>
                <th scope="row">{t(`stress.kpi.layers.${w.layer}`)}</th>
                <td className="num">{fmt.money(w.balanceBefore)}</td>
                <td className="num">{fmt.money(w.absorbed)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {mc && (
        <div data-testid="stress-mc">
          <h3>{t("stress.kpi.mcTitle", { paths: fmt.integer(mc.paths), seed: mc.seed })}</h3>
          <p className="muted small">{t("stress.kpi.mcNote", { path: mc.worstPath + 1 })}</p>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("stress.kpi.stat")}</th>
                <th scope="col" className="num">
                  {t("stress.kpi.mean")}
                </th>
                <th scope="col" className="num">
                  {t("stress.kpi.p95")}
                </th>
                <th scope="col" className="num">
                  {t("stress.kpi.p99")}
                </th>
                <th scope="col" className="num">
                  {t("stress.kpi.max")}
                </th>
              </tr>
            </thead>
            <tbody>
              {(
                [
                  ["mcShortfall", mc.shortfall, fmt.money],
                  ["mcNotional", mc.liquidationNotional, fmt.money],
                  ["mcLiquidated", mc.accountsLiquidated, (v: number) => fmt.number(v, 1)],
                  ["mcSlippage", mc.slippageP95Bps, (v: number) => fmt.number(v, 1)],
                  ["mcReturn", mc.pathFall, (v: number) => fmt.percent(v).replace(/^\+/, "")],
                ] as const
              ).map(([key, st, f]) => (
                <tr key={key}>
                  <th scope="row">{t(`stress.kpi.${key}`)}</th>
                  <td className="num">{f(st.mean)}</td>
                  <td className="num">{f(st.p95)}</td>
                  <td className="num">{f(st.p99)}</td>
                  <td className="num">{f(st.max)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p>{t("stress.kpi.mcGf", { p: fmt.percent(mc.guaranteeFundInsufficient).replace(/^\+/, "") })}</p>
        </div>
      )}
    </section>
  );
}
