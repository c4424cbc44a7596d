"use client";
// A ticket's time left on the engine clock: to its deadline while in review, to the end of the hold
// while held, and the fill progress once execution has started (R6, R7).
import { useI18n } from "../i18n/i18n-provider";
import { formatClock, formatDuration } from "./format";
import styles from "./liquidation.module.css";

export interface CountdownTicket {
  status: string;
  deadline: Date;
  heldUntil: Date | null;
  legs: ReadonlyArray<{ qty: number; filledQty: number; cannotClose: string | null }>;
}

export function TicketCountdown({ ticket, now }: { ticket: CountdownTicket; now: number }) {
  const { t, fmt, locale } = useI18n();
  if (ticket.status === "HELD" && ticket.heldUntil) {
    return (
      <span className={`${styles.countdown} ${styles.heldText}`} data-testid="countdown" data-state="held">
        {t("liquidation.countdown.heldUntil", { time: formatClock(locale, ticket.heldUntil) })}
      </span>
    );
  }
  if (ticket.status === "EXECUTING" || ticket.status === "PARTIALLY_FILLED") {
    const sellable = ticket.legs.filter((l) => l.cannotClose === null);
    const total = sellable.reduce((a, l) => a + l.qty, 0);
    const filled = sellable.reduce((a, l) => a + l.filledQty, 0);
    return (
      <span className={styles.countdown} data-testid="countdown" data-state="executing">
        {t("liquidation.countdown.progress", { filled: fmt.integer(filled), total: fmt.integer(total) })}
      </span>
    );
  }
  if (ticket.status !== "OPEN") return null;
  const left = ticket.deadline.getTime() - now;
  return (
    <span
      className={`${styles.countdown} ${left < 15_000 ? styles.urgent : ""}`}
      data-testid="countdown"
      data-state="open"
      role="timer"
    >
      {left > 0 ? t("liquidation.countdown.in", { s: formatDuration(t, left) }) : t("liquidation.countdown.due")}
    </span>
  );
}
