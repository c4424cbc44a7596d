"use client";
// C1 on the capital dashboard: the daily P&L of the last 30 days (income less the losses the
// platform's risk capital absorbed) as bars with the table under them, and the book by funding
// product (capital used, income, ES contribution, income per unit of ES).
import { createChart, HistogramSeries, type UTCTimestamp } from "lightweight-charts";
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n-provider";

interface PnlDay {
  day: string;
  income: number;
  losses: number;
  pnl: number;
}

interface Product {
  product: string;
  name: string;
  capitalUsed: number;
  income: number;
  contribution: number;
  costRate: number | null;
  riskAdjustedReturn: number | null;
}

function PnlChart({ days, label }: { days: PnlDay[]; label: string }) {
  const el = useRef<HTMLDivElement>(null);
  const { locale, fmt } = useI18n();
  useEffect(() => {
    const node = el.current;
    if (!node || days.length === 0) return;
    const c = createChart(node, {
      autoSize: true,
      layout: { background: { color: "#10151c" }, textColor: "#8b97a6", fontFamily: "inherit", fontSize: 11 },
      grid: { vertLines: { visible: false }, horzLines: { color: "#1d2530" } },
      timeScale: { borderColor: "#2a3441", fixLeftEdge: true, fixRightEdge: true },
      rightPriceScale: { borderColor: "#2a3441" },
      localization: { locale, priceFormatter: fmt.money },
      handleScroll: false,
      handleScale: false,
    });
    c.addSeries(HistogramSeries, { priceLineVisible: false }).setData(
      days.map((d) => ({
        time: (Date.parse(`${d.day}T00:00:00Z`) / 1000) as UTCTimestamp,
        value: d.pnl,
        color: d.pnl >= 0 ? "#2e9e6b" : "#d04f4f",
      })),
    );
    c.timeScale().fitContent();
    return () => c.remove();
  }, [days, locale, fmt]);
  return <div ref={el} role="figure" aria-label={label} style={{ height: 200 }} data-testid="pnl-chart" />;
}

export function PnlPanel({ days }: { days: PnlDay[] }) {
  const { t, fmt } = useI18n();
  return (
    <section className="panel" aria-labelledby="pnl-title">
      <h2 id="pnl-title">{t("capital.pnl.title")}</h2>
      <p className="muted small">{t("capital.pnl.intro")}</p>
      {days.length === 0 ? (
        <p className="muted">{t("capital.pnl.empty")}</p>
      ) : (
        <>
          <PnlChart days={days} label={t("capital.pnl.title")} />
          <table className="table" data-testid="pnl-table">
            <thead>
              <tr>
                <th scope="col">{t("capital.pnl.day")}</th>
                <th scope="col" className="num">
                  {t("capital.pnl.income")}
                </th>
                <th scope="col" className="num">
                  {t("capital.pnl.losses")}
                </th>
                <th scope="col" className="num">
                  {t("capital.pnl.pnl")}
                </th>
              </tr>
            </thead>
            <tbody>
              {[...days].reverse().map((d) => (
                <tr key={d.day}>
                  <th scope="row">{d.day}</th>
                  <td className="num">{fmt.money(d.income)}</td>
                  <td className="num">{fmt.money(d.losses)}</td>
                  <td className="num">{fmt.money(d.pnl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

export function ProductsPanel({ products, es }: { products: Product[]; es: number }) {
  const { t, fmt } = useI18n();
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  const name = (p: Product) =>
    p.product === "OPENING_BOOK" || p.product === "UNLEVERED" ? t(`capital.products.kinds.${p.product}`) : p.product;
  return (
    <section className="panel" aria-labelledby="products-title">
      <h2 id="products-title">{t("capital.products.title")}</h2>
      <p className="muted small">{t("capital.products.intro")}</p>
      {products.length === 0 ? (
        <p className="muted">{t("capital.dashboard.empty")}</p>
      ) : (
        <table className="table" data-testid="products-table">
          <thead>
            <tr>
              <th scope="col">{t("capital.products.product")}</th>
              <th scope="col" className="num">
                {t("capital.products.capitalUsed")}
              </th>
              <th scope="col" className="num">
                {t("capital.products.income")}
              </th>
              <th scope="col" className="num">
                {t("capital.products.cost")}
              </th>
              <th scope="col" className="num">
                {t("capital.dashboard.contribution")}
              </th>
              <th scope="col" className="num">
                {t("capital.dashboard.share")}
              </th>
              <th scope="col" className="num">
                {t("capital.products.rar")}
              </th>
            </tr>
          </thead>
          <tbody>
            {products.map((p) => (
              <tr key={p.product}>
                <th scope="row" title={p.name}>
                  {name(p)}
                </th>
                <td className="num">{fmt.money(p.capitalUsed)}</td>
                <td className="num">{fmt.money(p.income)}</td>
                <td className="num">{p.costRate === null ? "–" : pct(p.costRate)}</td>
                <td className="num">{fmt.money(p.contribution)}</td>
                <td className="num">{es > 0 ? pct(p.contribution / es) : "–"}</td>
                <td className="num">{p.riskAdjustedReturn === null ? "–" : pct(p.riskAdjustedReturn)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
