"use client";
// One account's risk picture (R1-R3, R4, A2): live figures and status with the "why", positions
// with per-position margin, equity and margin-level history, margin calls, decisions, what-if.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fact } from "../ui/fact";
import { AccountPricing } from "../funding/account-pricing";
import { AccountLiquidations } from "../liquidation/account-liquidations";
import { AccountControls } from "../surveillance/account-controls";
import { useI18n } from "../i18n/i18n-provider";
import styles from "../risk/risk.module.css";
import { StatusBadge } from "../risk/status-badge";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { AccountHistoryChart } from "./account-history-chart";
import { DecisionsPanel, MarginCallsPanel } from "./account-records";
import { AccountWhy } from "./account-why";
import { PositionsMarginTable } from "./positions-margin-table";
import { WhatIfCalculator } from "./what-if-calculator";

export function AccountView({
  accountId,
  canManageCalls,
  canOpenCase = false,
  canSeePricing = false,
}: {
  accountId: string;
  canManageCalls: boolean;
  canOpenCase?: boolean;
  canSeePricing?: boolean;
}) {
  const { t, fmt, locale } = useI18n();
  const trpc = useTRPC();
  const risk = useQuery({
    ...trpc.accounts.risk.queryOptions({ id: accountId }),
    refetchInterval: useChangePoll(5_000),
  });
  const history = useQuery({
    ...trpc.accounts.history.queryOptions({ id: accountId, limit: 240 }),
    refetchInterval: useChangePoll(15_000),
  });
  const d = risk.data;
  return (
    <div className="stack">
      <p>
        <Link href="/accounts">← {t("risk.account.back")}</Link>
      </p>
      {risk.isPending && <p className="muted">{t("common.loading")}</p>}
      {risk.isError && (
        <p role="alert" className="form-error">
          {risk.error.message}
        </p>
      )}
      {d && (
        <>
          <section className="panel" aria-labelledby="account-title">
            <div className="panel-head">
              <h1 id="account-title">{t("risk.account.title", { code: d.account.code })}</h1>
              <span className="muted">{t("risk.account.client", { name: d.account.clientName })}</span>
            </div>
            <dl className={`facts ${styles.factsWide}`} data-testid="account-facts">
              <Fact label={t("risk.fig.status")}>
                <StatusBadge status={d.result.status} />
              </Fact>
              {d.statusSince && (
                <Fact label={t("risk.account.since")}>{fmt.dateTime(new Date(d.statusSince).getTime() + 60_000)}</Fact>
              )}
              <Fact label={t("risk.fig.ml")}>
                {d.result.marginLevel === null ? "—" : fmt.number(d.result.marginLevel, 3)}
              </Fact>
              <Fact label={t("risk.fig.equity")}>{fmt.money(d.result.equity)}</Fact>
              <Fact label={t("risk.fig.mm")}>{fmt.money(d.result.maintenanceMargin)}</Fact>
              <Fact label={t("risk.fig.im")}>{fmt.money(d.result.initialMargin)}</Fact>
              <Fact label={t("risk.fig.marketValue")}>{fmt.money(d.result.marketValue)}</Fact>
              <Fact label={t("risk.fig.cash")}>{fmt.money(d.cash)}</Fact>
              <Fact label={t("risk.fig.debt")}>{fmt.money(d.debt)}</Fact>
              <Fact label={t("risk.fig.coverage")}>
                {d.result.coverageRatio === null ? "—" : fmt.percent(d.result.coverageRatio).replace(/^\+/, "")}
              </Fact>
              <Fact label={t("risk.fig.fundingAddOn")}>
                {t("risk.fig.bps", { v: fmt.number(d.result.fundingAddOnBps, 0) })}
              </Fact>
              <Fact label={t("risk.fig.version")}>{t("risk.fig.versionN", { n: d.paramVersion })}</Fact>
              <Fact label={t("risk.fig.asOf")}>{fmt.dateTime(d.asOf)}</Fact>
            </dl>
            <h2 style={{ marginTop: "1rem" }}>{t("risk.account.why")}</h2>
            <AccountWhy result={d.result} lines={d.params.lines} version={d.paramVersion} debt={d.debt} />
          </section>
          {/* Positions take the full width: at 1280-1920 px no column may hide under the chart. */}
          <section className={`panel ${styles.scrollX}`} aria-labelledby="positions-title">
            <h2 id="positions-title">{t("risk.account.positions")}</h2>
            <PositionsMarginTable inputs={d.inputs} results={d.result.positions} names={d.names} />
          </section>
          <div className={styles.twoCol}>
            <div className="stack">
              <section className="panel" aria-labelledby="history-title">
                <h2 id="history-title">{t("risk.account.history")}</h2>
                {history.isPending && <p className="muted">{t("common.loading")}</p>}
                {history.isError && (
                  <p role="alert" className="form-error">
                    {history.error.message}
                  </p>
                )}
                {history.data && history.data.length < 2 && <p className="muted">{t("risk.account.historyEmpty")}</p>}
                {history.data && history.data.length >= 2 && (
                  <AccountHistoryChart
                    points={history.data}
                    locale={locale}
                    label={t("risk.account.historyLabel")}
                    equityLabel={t("risk.account.equityLine")}
                    mlLabel={t("risk.account.mlLine")}
                  />
                )}
              </section>
              <MarginCallsPanel accountId={accountId} canManage={canManageCalls} />
              <DecisionsPanel accountId={accountId} debt={d.debt} />
            </div>
            <WhatIfCalculator
              input={{ cash: d.cash, debt: d.debt, positions: d.inputs }}
              params={d.params}
              current={d.result}
            />
          </div>
          {canSeePricing && <AccountPricing accountId={accountId} />}
          <AccountLiquidations accountId={accountId} />
          <AccountControls accountId={accountId} canOpenCase={canOpenCase} />
        </>
      )}
    </div>
  );
}
