"use client";
// The concentration page (C3): exposure by symbol and sector, top-N share, HHI, and beta-weighted
// hedge proposals against the CSI 300 / CSI 500 / ChiNext proxies with the net exposure left.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fact } from "../ui/fact";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";

export function ConcentrationView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.capital.concentration.queryOptions({ topN: 10 }),
    refetchInterval: useChangePoll(60_000),
  });
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  const c = q.data;
  return (
    <div className="stack" data-testid="concentration-view">
      <h1>{t("capital.concentration.title")}</h1>
      <p className="muted">{t("capital.concentration.intro")}</p>
      {c.total === 0 ? (
        <p className="muted">{t("capital.concentration.empty")}</p>
      ) : (
        <>
          <section className="panel">
            <dl className="facts">
              <Fact label={t("capital.concentration.total")}>{fmt.money(c.total)}</Fact>
              <Fact label={t("capital.concentration.topShare", { n: c.topN })}>{pct(c.topShare)}</Fact>
              <Fact label={t("capital.concentration.hhiSymbol")}>{fmt.number(c.hhiSymbol, 4)}</Fact>
              <Fact label={t("capital.concentration.hhiSector")}>{fmt.number(c.hhiSector, 4)}</Fact>
            </dl>
            <p className="muted small">{t("capital.concentration.hhiHint")}</p>
          </section>
          <section className="panel" aria-labelledby="hedge-title">
            <h2 id="hedge-title">{t("capital.concentration.hedges")}</h2>
            <p className="muted small">{t("capital.concentration.hedgesIntro")}</p>
            <table className="table" data-testid="hedges">
              <thead>
                <tr>
                  <th scope="col">{t("capital.concentration.proxy")}</th>
                  <th scope="col">{t("capital.concentration.instrument")}</th>
                  <th scope="col" className="num">
                    {t("capital.concentration.gross")}
                  </th>
                  <th scope="col" className="num">
                    {t("capital.concentration.betaExposure")}
                  </th>
                  <th scope="col" className="num">
                    {t("capital.concentration.units")}
                  </th>
                  <th scope="col" className="num">
                    {t("capital.concentration.hedgeNotional")}
                  </th>
                  <th scope="col" className="num">
                    {t("capital.concentration.net")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {c.hedges.map((h) => (
                  <tr key={h.proxy}>
                    <th scope="row">{t(`capital.concentration.proxies.${h.proxy}`)}</th>
                    <td>{h.instrument}</td>
                    <td className="num">{fmt.money(h.grossNotional)}</td>
                    <td className="num">{fmt.money(h.betaExposure)}</td>
                    <td className="num">{fmt.integer(h.units)}</td>
                    <td className="num">{fmt.money(h.hedgeNotional)}</td>
                    <td className="num">{fmt.money(h.netBetaExposure)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <div className="stack">
            <section className="panel" aria-labelledby="sym-title">
              <h2 id="sym-title">{t("capital.concentration.bySymbol")}</h2>
              <table className="table" data-testid="by-symbol">
                <thead>
                  <tr>
                    <th scope="col">{t("capital.concentration.symbol")}</th>
                    <th scope="col" className="num">
                      {t("capital.concentration.exposure")}
                    </th>
                    <th scope="col" className="num">
                      {t("capital.concentration.share")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.bySymbol.map((b) => (
                    <tr key={b.key}>
                      <th scope="row">
                        <Link href={`/market/${encodeURIComponent(b.key)}`}>{b.key}</Link>
                      </th>
                      <td className="num">{fmt.money(b.notional)}</td>
                      <td className="num">{pct(b.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <section className="panel" aria-labelledby="sec-title">
              <h2 id="sec-title">{t("capital.concentration.bySector")}</h2>
              <table className="table" data-testid="by-sector">
                <thead>
                  <tr>
                    <th scope="col">{t("capital.concentration.sector")}</th>
                    <th scope="col" className="num">
                      {t("capital.concentration.exposure")}
                    </th>
                    <th scope="col" className="num">
                      {t("capital.concentration.share")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {c.bySector.map((b) => (
                    <tr key={b.key}>
                      <th scope="row">{b.key}</th>
                      <td className="num">{fmt.money(b.notional)}</td>
                      <td className="num">{pct(b.share)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
          </div>
        </>
      )}
    </div>
  );
}
