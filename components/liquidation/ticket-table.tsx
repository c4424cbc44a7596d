"use client";
// The open tickets, most urgent first (hard floor, expired call, liquidation; then earliest deadline):
// one row per account with its margin level, plan size, expected slippage and the live countdown.
import Link from "next/link";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { useI18n } from "../i18n/i18n-provider";
import { TicketCountdown } from "./countdown";
import { formatBp, formatMl, statusKey } from "./format";
import styles from "./liquidation.module.css";

export type TicketSummary = inferRouterOutputs<AppRouter>["liquidation"]["list"][number];

export function UrgencyBadge({ urgency }: { urgency: string }) {
  const { t } = useI18n();
  const u = urgency === "HARD_FLOOR" || urgency === "CALL_EXPIRED" ? urgency : "LIQUIDATION";
  return (
    <span className={`${styles.badge} ${styles[u]}`} title={t(`liquidation.urgencyHint.${u}`)} data-urgency={u}>
      {t(`liquidation.urgency.${u}`)}
    </span>
  );
}

export function TicketStatusBadge({ status }: { status: string }) {
  const { t } = useI18n();
  return (
    <span className={`${styles.badge} ${styles[`st_${status}`] ?? ""}`} data-status={status}>
      {t(statusKey(status))}
    </span>
  );
}

export function TicketTable({
  tickets,
  selectedId,
  onSelect,
  now,
}: {
  tickets: readonly TicketSummary[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  now: number;
}) {
  const { t, fmt } = useI18n();
  return (
    <div className={styles.tableWrap}>
      <table className="table" data-testid="ticket-table">
        <thead>
          <tr>
            <th>{t("liquidation.queue.account")}</th>
            <th>{t("liquidation.queue.urgencyCol")}</th>
            <th>{t("liquidation.queue.statusCol")}</th>
            <th className={styles.num}>{t("liquidation.queue.ml")}</th>
            <th>{t("liquidation.queue.deadline")}</th>
            <th className={styles.num}>{t("liquidation.queue.slippage")}</th>
          </tr>
        </thead>
        <tbody>
          {tickets.map((tk) => {
            const selected = tk.id === selectedId;
            return (
              <tr
                key={tk.id}
                className={`${styles.row} ${selected ? styles.selected : ""}`}
                aria-selected={selected}
                data-testid="ticket-row"
                data-ticket={tk.id}
                data-account={tk.accountCode}
                data-status={tk.status}
                onClick={() => onSelect(tk.id)}
              >
                <td className={styles.nowrap}>
                  <button
                    type="button"
                    className={styles.rowButton}
                    onClick={() => onSelect(tk.id)}
                    aria-label={t("liquidation.queue.select", { code: tk.accountCode })}
                  >
                    {tk.accountCode}
                  </button>{" "}
                  <Link
                    href={`/accounts/${tk.accountId}`}
                    className="small"
                    onClick={(e) => e.stopPropagation()}
                    aria-label={t("liquidation.detail.openAccount")}
                  >
                    ↗
                  </Link>
                </td>
                <td>
                  <UrgencyBadge urgency={tk.urgency} />
                </td>
                <td>
                  <TicketStatusBadge status={tk.status} />
                </td>
                <td className={styles.num}>{formatMl(fmt, tk.marginLevel)}</td>
                <td>
                  <TicketCountdown ticket={tk} now={now} />
                </td>
                <td className={styles.num}>{formatBp(t, fmt, tk.expectedSlippageBps)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
