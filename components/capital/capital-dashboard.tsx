"use client";
// The managers' capital dashboard (C1, C2): usage and income, the book's ES with each account's Euler
// contribution, LCR and reserve ratio against their lines, pools and the maturity ladder.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useMemo } from "react";
import { Fact } from "../ui/fact";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { LadderChart } from "./ladder-chart";
import { PnlPanel, ProductsPanel } from "./pnl-panels";

export function CapitalDashboard() {
  const { t, fmt, locale } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.capital.dashboard.queryOptions(), refetchInterval: useChangePoll(60_000) });
  const d = q.data;
  const ratio = (v: number | null) => (v === null ? "–" : fmt.percent(v).replace(/^\+/, ""));
  const points = useMemo(
    () =>
      (d?.liquidity.ladder ?? []).map((r) => ({
        label: t(`capital.dashboard.buckets.${r.bucket}`),
        lending: r.lending,
        funding: r.funding,
        cumulativeGap: r.cumulativeGap,
      })),
    [d, t],
  );
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  if (!d) return null;
  const alpha = fmt.percent(d.es.alpha).replace(/^\+/, "");
  const p = d.liquidity.params;
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  return (
    <div className="stack" data-testid="capital-dashboard">
      <h1>{t("capital.dashboard.title")}</h1>
      <p className="muted">{t("capital.dashboard.intro")}</p>
      <section className="panel" aria-label={t("capital.dashboard.title")}>
        <dl className="facts">
          <Fact label={t("capital.dashboard.capitalUsed")}>{fmt.money(d.capitalUsed)}</Fact>
          <Fact label={t("capital.dashboard.interest")}>{fmt.money(d.interestIncome)}</Fact>
          <Fact label={t("capital.dashboard.fees")}>{fmt.money(d.feeIncome)}</Fact>
          <Fact label={t("capital.dashboard.returnOnCapital")}>{ratio(d.returnOnCapital)}</Fact>
          <Fact label={t("capital.dashboard.riskAdjusted")}>{ratio(d.riskAdjustedReturn)}</Fact>
          <Fact label={t("capital.dashboard.es", { alpha })}>{fmt.money(d.es.es)}</Fact>
          <Fact label={t("capital.dashboard.var", { alpha })}>{fmt.money(d.es.var)}</Fact>
        </dl>
      </section>
      <PnlPanel days={d.pnl} />
      <section className="panel" aria-labelledby="liq-title">
        <h2 id="liq-title">{t("capital.dashboard.lcr")}</h2>
        <dl className="facts">
          <Fact label={`${t("capital.dashboard.lcr")} (${t("capital.dashboard.lcrLine", { line: pct(p.minLcr) })})`}>
            {d.liquidity.lcr.lcr === null ? t("capital.dashboard.noOutflows") : pct(d.liquidity.lcr.lcr)}
          </Fact>
          <Fact
            label={`${t("capital.dashboard.reserve")} (${t("capital.dashboard.lcrLine", { line: pct(p.minReserveRatio) })})`}
          >
            {ratio(d.liquidity.reserveRatio)}
          </Fact>
          <Fact label={t("capital.dashboard.hqla")}>{fmt.money(d.liquidity.lcr.hqla)}</Fact>
          <Fact label={t("capital.dashboard.outflows")}>{fmt.money(d.liquidity.lcr.outflows)}</Fact>
          <Fact label={t("capital.dashboard.inflows")}>{fmt.money(d.liquidity.lcr.inflows)}</Fact>
          <Fact label={t("capital.dashboard.netOutflows")}>{fmt.money(d.liquidity.lcr.netOutflows)}</Fact>
          <Fact label={t("capital.dashboard.liquidityPool")}>{fmt.money(d.liquidity.pools.liquidity)}</Fact>
          <Fact label={t("capital.dashboard.overnightPool")}>{fmt.money(d.liquidity.pools.overnight)}</Fact>
          <Fact label={t("capital.dashboard.guaranteePool")}>{fmt.money(d.liquidity.pools.guarantee)}</Fact>
        </dl>
        {(d.liquidity.lcrBelowLine || d.liquidity.reserveBelowLine) && (
          <p role="alert" className="form-error" data-testid="liquidity-alert">
            {d.liquidity.lcrBelowLine && t("capital.dashboard.lineBreached", { what: t("capital.dashboard.lcr") })}{" "}
            {d.liquidity.reserveBelowLine &&
              t("capital.dashboard.lineBreached", { what: t("capital.dashboard.reserve") })}
          </p>
        )}
        <p className="muted small">
          {t("capital.dashboard.assumptions", { v: p.version })}:{" "}
          {t("capital.dashboard.runOff", {
            own: pct(p.runOff.OWN_CAPITAL),
            bank: pct(p.runOff.BANK_CREDIT),
            inst: pct(p.runOff.INSTITUTIONAL),
            retail: pct(p.runOff.RETAIL_POOL),
            undrawn: pct(p.undrawnDrawdown),
            inflow: pct(p.inflowRate),
            cap: pct(p.inflowCap),
          })}
        </p>
      </section>
      <section className="panel" aria-labelledby="ladder-title">
        <h2 id="ladder-title">{t("capital.dashboard.ladder")}</h2>
        <p className="muted small">{t("capital.dashboard.ladderIntro")}</p>
        <LadderChart locale={locale} points={points} format={fmt.money} label={t("capital.dashboard.ladder")} />
        <table className="table" data-testid="ladder-table">
          <thead>
            <tr>
              <th scope="col">{t("capital.dashboard.bucket")}</th>
              <th scope="col" className="num">
                {t("capital.dashboard.lending")}
              </th>
              <th scope="col" className="num">
                {t("capital.dashboard.funding")}
              </th>
              <th scope="col" className="num">
                {t("capital.dashboard.gap")}
              </th>
              <th scope="col" className="num">
                {t("capital.dashboard.cumulative")}
              </th>
            </tr>
          </thead>
          <tbody>
            {d.liquidity.ladder.map((r) => (
              <tr key={r.bucket}>
                <th scope="row">{t(`capital.dashboard.buckets.${r.bucket}`)}</th>
                <td className="num">{fmt.money(r.lending)}</td>
                <td className="num">{fmt.money(r.funding)}</td>
                <td className="num">{fmt.money(r.gap)}</td>
                <td className="num">{fmt.money(r.cumulativeGap)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      <ProductsPanel products={d.products} es={d.es.es} />
      <section className="panel" aria-labelledby="euler-title">
        <h2 id="euler-title">{t("capital.dashboard.contributions")}</h2>
        <p className="muted small">
          {t("capital.dashboard.esModel", {
            paths: fmt.integer(d.es.paths),
            nu: d.es.nu,
            symbols: fmt.integer(d.es.symbols),
            source:
              d.es.model === "bars"
                ? t("capital.dashboard.modelBars", { bars: d.es.bars })
                : t("capital.dashboard.modelFallback"),
          })}{" "}
          {t("capital.dashboard.contributionsIntro", { n: d.es.accounts.length, total: d.es.accountCount })}
        </p>
        {d.es.accounts.length === 0 ? (
          <p className="muted">{t("capital.dashboard.empty")}</p>
        ) : (
          <table className="table" data-testid="euler-table">
            <thead>
              <tr>
                <th scope="col">{t("capital.dashboard.account")}</th>
                <th scope="col" className="num">
                  {t("capital.dashboard.exposure")}
                </th>
                <th scope="col" className="num">
                  {t("capital.dashboard.debt")}
                </th>
                <th scope="col" className="num">
                  {t("capital.dashboard.contribution")}
                </th>
                <th scope="col" className="num">
                  {t("capital.dashboard.share")}
                </th>
              </tr>
            </thead>
            <tbody>
              {d.es.accounts.map((a) => (
                <tr key={a.accountId}>
                  <th scope="row">
                    <Link href={`/accounts/${a.accountId}`}>{a.code}</Link>
                  </th>
                  <td className="num">{fmt.money(a.exposure)}</td>
                  <td className="num">{fmt.money(a.debt)}</td>
                  <td className="num">{fmt.money(a.contribution)}</td>
                  <td className="num">{d.es.es > 0 ? pct(a.contribution / d.es.es) : "–"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
