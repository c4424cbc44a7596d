"use client";
// Executed and cancelled tickets, newest first, with realized against expected slippage (R7): a row
// opens the ticket (fills, history) in the detail panel.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { CLOSED_STATES, formatBp, formatClock } from "./format";
import styles from "./liquidation.module.css";
import { POLL_MS, useLiveTickets } from "./live-tickets";
import { TicketStatusBadge, UrgencyBadge } from "./ticket-table";

export function ClosedTickets({ selectedId, onSelect }: { selectedId: string | null; onSelect: (id: string) => void }) {
  const { t, fmt, locale } = useI18n();
  const trpc = useTRPC();
  const live = useLiveTickets();
  const closed = useQuery({
    ...trpc.liquidation.list.queryOptions({ statuses: [...CLOSED_STATES], limit: 50 }),
    refetchInterval: live.polling ? POLL_MS : false,
  });
  return (
    <section className="panel" aria-labelledby="closed-title">
      <h2 id="closed-title">{t("liquidation.executed.title")}</h2>
      {closed.isPending && <p className="muted">{t("common.loading")}</p>}
      {closed.isError && (
        <p role="alert" className="form-error">
          {closed.error.message}
        </p>
      )}
      {closed.data?.length === 0 && <p className="muted">{t("liquidation.executed.empty")}</p>}
      {closed.data && closed.data.length > 0 && (
        <div className={`${styles.tableWrap} ${styles.scrollTall}`}>
          <table className="table" data-testid="closed-tickets">
            <thead>
              <tr>
                <th>{t("liquidation.queue.account")}</th>
                <th>{t("liquidation.queue.urgencyCol")}</th>
                <th>{t("liquidation.queue.statusCol")}</th>
                <th>{t("liquidation.executed.executedAt")}</th>
                <th className={styles.num}>{t("liquidation.executed.fills")}</th>
                <th className={styles.num}>{t("liquidation.executed.expected")}</th>
                <th className={styles.num}>{t("liquidation.executed.realized")}</th>
              </tr>
            </thead>
            <tbody>
              {closed.data.map((tk) => {
                const sold = tk.legs.reduce((a, l) => a + l.filledQty, 0);
                return (
                  <tr
                    key={tk.id}
                    className={`${styles.row} ${tk.id === selectedId ? styles.selected : ""}`}
                    onClick={() => onSelect(tk.id)}
                    data-testid="closed-row"
                    data-ticket={tk.id}
                    data-account={tk.accountCode}
                  >
                    <td>
                      <button
                        type="button"
                        className={styles.rowButton}
                        onClick={() => onSelect(tk.id)}
                        aria-label={t("liquidation.queue.select", { code: tk.accountCode })}
                      >
                        {tk.accountCode}
                      </button>
                    </td>
                    <td>
                      <UrgencyBadge urgency={tk.urgency} />
                    </td>
                    <td>
                      <TicketStatusBadge status={tk.status} />
                    </td>
                    <td className={styles.nowrap}>{tk.executedAt ? formatClock(locale, tk.executedAt) : "—"}</td>
                    <td className={styles.num}>{t("liquidation.units.shares", { n: fmt.integer(sold) })}</td>
                    <td className={styles.num}>{formatBp(t, fmt, tk.expectedSlippageBps)}</td>
                    <td className={styles.num}>{formatBp(t, fmt, tk.realizedSlippageBps)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
