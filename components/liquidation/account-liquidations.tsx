"use client";
// The account page's liquidation section: its tickets (status, urgency, expected vs realized
// slippage), the fills of its recent tickets, and the ledger entries the sales wrote (R7, R8).
import { useQueries, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import { formatBp, formatClock, formatMl } from "./format";
import styles from "./liquidation.module.css";
import { POLL_MS, useLiveTickets } from "./live-tickets";
import { FillsTable } from "./ticket-detail";
import { TicketStatusBadge, UrgencyBadge } from "./ticket-table";

const ENTRY_KINDS = ["TRADE", "FEE", "DEBT_REPAYMENT", "LOSS_ABSORBED"] as const;
const LEDGER_ACCOUNTS = [
  "CLIENT_CASH",
  "CLIENT_DEBT",
  "SETTLEMENT",
  "FEE_INCOME",
  "RISK_CAPITAL",
  "GUARANTEE_FUND",
  "JUNIOR_TRANCHE",
  "SENIOR_TRANCHE",
] as const;

export function AccountLiquidations({ accountId }: { accountId: string }) {
  const { t, fmt, locale } = useI18n();
  const trpc = useTRPC();
  const live = useLiveTickets();
  const fallback = useChangePoll(5_000);
  const every = live.polling ? POLL_MS : fallback;
  const tickets = useQuery({
    ...trpc.liquidation.list.queryOptions({ accountId, limit: 20 }),
    refetchInterval: every,
    retry: false,
  });
  const recent = (tickets.data ?? []).slice(0, 3);
  const details = useQueries({
    queries: recent.map((tk) => ({ ...trpc.liquidation.detail.queryOptions({ id: tk.id }), refetchInterval: every })),
  });
  const ledger = useQuery({
    ...trpc.liquidationLedger.accountEntries.queryOptions({ accountId, limit: 50 }),
    refetchInterval: every,
    retry: false,
  });
  if (tickets.isError && tickets.error.data?.code === "FORBIDDEN") return null;
  return (
    <section className="panel" aria-labelledby="liq-title" data-testid="account-liquidations">
      <h2 id="liq-title">{t("liquidation.account.title")}</h2>
      {tickets.isPending && <p className="muted">{t("common.loading")}</p>}
      {tickets.isError && (
        <p role="alert" className="form-error">
          {tickets.error.message}
        </p>
      )}
      {tickets.data?.length === 0 && <p className="muted">{t("liquidation.account.empty")}</p>}
      {tickets.data && tickets.data.length > 0 && (
        <div className={styles.tableWrap}>
          <table className="table" data-testid="account-tickets">
            <thead>
              <tr>
                <th>{t("liquidation.detail.created")}</th>
                <th>{t("liquidation.queue.urgencyCol")}</th>
                <th>{t("liquidation.queue.statusCol")}</th>
                <th className={styles.num}>{t("liquidation.queue.ml")}</th>
                <th className={styles.num}>{t("liquidation.executed.expected")}</th>
                <th className={styles.num}>{t("liquidation.executed.realized")}</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {tickets.data.map((tk) => (
                <tr key={tk.id} data-testid="account-ticket" data-status={tk.status}>
                  <td className={styles.nowrap}>{fmt.dateTime(tk.createdAt)}</td>
                  <td>
                    <UrgencyBadge urgency={tk.urgency} />
                  </td>
                  <td>
                    <TicketStatusBadge status={tk.status} />
                  </td>
                  <td className={styles.num}>{formatMl(fmt, tk.marginLevel)}</td>
                  <td className={styles.num}>{formatBp(t, fmt, tk.expectedSlippageBps)}</td>
                  <td className={styles.num}>{formatBp(t, fmt, tk.realizedSlippageBps)}</td>
                  <td>
                    <Link href={`/risk/liquidations?ticket=${encodeURIComponent(tk.id)}`}>
                      {t("liquidation.account.openTicket")}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {details.map((d) => (d.data && d.data.fills.length > 0 ? <FillsTable key={d.data.id} tk={d.data} /> : null))}
      <div className={styles.section}>
        <h3>{t("liquidation.account.ledger")}</h3>
        {ledger.isError && (
          <p role="alert" className="form-error">
            {ledger.error.message}
          </p>
        )}
        {ledger.data?.length === 0 && <p className="muted small">{t("liquidation.account.noLedger")}</p>}
        {ledger.data && ledger.data.length > 0 && (
          <div className={styles.tableWrap}>
            <table className="table" data-testid="account-ledger">
              <thead>
                <tr>
                  <th>{t("liquidation.detail.fillTime")}</th>
                  <th>{t("liquidation.account.kind")}</th>
                  <th>{t("liquidation.account.entry")}</th>
                  <th className={styles.num}>{t("liquidation.account.amount")}</th>
                </tr>
              </thead>
              <tbody>
                {ledger.data.map((e) => {
                  // The entry's size: its debit total (every entry balances, so it equals the credits).
                  const size = e.postings.reduce((a, p) => a + Math.max(0, p.amount), 0);
                  return (
                    <tr key={e.id} data-testid="ledger-row" data-kind={e.kind}>
                      <td className={styles.nowrap}>{formatClock(locale, e.ts)}</td>
                      <td>
                        {(ENTRY_KINDS as readonly string[]).includes(e.kind)
                          ? t(`liquidation.account.entryKind.${e.kind as (typeof ENTRY_KINDS)[number]}`)
                          : e.kind}
                      </td>
                      <td className="small">
                        {e.postings
                          .map((p) => {
                            const name = (LEDGER_ACCOUNTS as readonly string[]).includes(p.ledgerAccount)
                              ? t(
                                  `liquidation.account.ledgerAccount.${p.ledgerAccount as (typeof LEDGER_ACCOUNTS)[number]}`,
                                )
                              : p.ledgerAccount;
                            return `${name} ${t(p.amount > 0 ? "liquidation.account.dr" : "liquidation.account.cr", { amount: fmt.money(Math.abs(p.amount)) })}`;
                          })
                          .join(" · ")}
                        {e.memo ? <span className="muted"> · {e.memo}</span> : null}
                      </td>
                      <td className={styles.num}>{fmt.money(size)}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </div>
    </section>
  );
}
