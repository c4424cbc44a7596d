"use client";
// One ticket in full: the account's figures, the why, the plan legs (shares, expected price in CNY,
// slippage in bp, cannot-close reasons), the fills with realized slippage, holds, disputes, the
// history, and the actions the user may take.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { Fact } from "../ui/fact";
import { TicketCountdown } from "./countdown";
import { cannotCloseLabel, eventLabel, formatBp, formatClock, formatMl, formatShares } from "./format";
import styles from "./liquidation.module.css";
import { POLL_MS, useLiveTickets } from "./live-tickets";
import { TicketActions, type ActionMode, type ActionRights, type TicketDetail } from "./ticket-actions";
import { TicketStatusBadge, UrgencyBadge } from "./ticket-table";
import { TicketWhy } from "./ticket-why";

const HOLD_KINDS = ["HOLD", "RENEW", "EXTEND"] as const;

export function TicketDetailPanel({
  ticketId,
  rights,
  mode,
  setMode,
  now,
}: {
  ticketId: string | null;
  rights: ActionRights;
  mode: ActionMode | null;
  setMode: (m: ActionMode | null) => void;
  now: number;
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const live = useLiveTickets();
  const detail = useQuery({
    ...trpc.liquidation.detail.queryOptions({ id: ticketId ?? "" }),
    enabled: ticketId !== null,
    refetchInterval: live.polling ? POLL_MS : false,
  });
  return (
    <section className="panel" aria-labelledby="ticket-title" data-testid="ticket-detail">
      {ticketId === null && (
        <p className="muted" id="ticket-title">
          {t("liquidation.detail.none")}
        </p>
      )}
      {ticketId !== null && detail.isPending && (
        <p className="muted" id="ticket-title">
          {t("common.loading")}
        </p>
      )}
      {detail.isError && (
        <p role="alert" className="form-error" id="ticket-title">
          {detail.error.message}
        </p>
      )}
      {ticketId !== null && detail.data && (
        <TicketBody tk={detail.data} rights={rights} mode={mode} setMode={setMode} now={now} />
      )}
    </section>
  );
}

function TicketBody({
  tk,
  rights,
  mode,
  setMode,
  now,
}: {
  tk: TicketDetail;
  rights: ActionRights;
  mode: ActionMode | null;
  setMode: (m: ActionMode | null) => void;
  now: number;
}) {
  const { t, fmt, locale } = useI18n();
  const sellQty = tk.legs.filter((l) => l.cannotClose === null).reduce((a, l) => a + l.qty, 0);
  return (
    <div data-ticket={tk.id} data-status={tk.status}>
      <div className={styles.detailHead}>
        <h2 id="ticket-title">{t("liquidation.detail.title", { code: tk.accountCode })}</h2>
        <UrgencyBadge urgency={tk.urgency} />
        <TicketStatusBadge status={tk.status} />
        <TicketCountdown ticket={tk} now={now} />
        <Link href={`/accounts/${tk.accountId}`} className="small">
          {t("liquidation.detail.openAccount")}
        </Link>
      </div>
      <p className="muted small">{t("liquidation.detail.client", { name: tk.clientName })}</p>
      <dl className={`facts ${styles.facts}`}>
        <Fact label={t("liquidation.detail.ml")}>{formatMl(fmt, tk.marginLevel)}</Fact>
        <Fact label={t("liquidation.detail.equity")}>{fmt.money(tk.equity)}</Fact>
        <Fact label={t("liquidation.detail.maintenance")}>{fmt.money(tk.maintenance)}</Fact>
        <Fact label={t("liquidation.detail.debt")}>{fmt.money(tk.debt)}</Fact>
        <Fact label={t("liquidation.detail.cash")}>{fmt.money(tk.cash)}</Fact>
        <Fact label={t("liquidation.detail.shortfall")}>{fmt.money(tk.shortfall)}</Fact>
        <Fact label={t("liquidation.detail.created")}>{formatClock(locale, tk.createdAt)}</Fact>
        <Fact label={t("liquidation.detail.deadline")}>{formatClock(locale, tk.deadline)}</Fact>
        <Fact label={t("liquidation.detail.holdUsed")}>
          {t("liquidation.detail.holdUsedValue", {
            used: fmt.integer(tk.holdSeconds),
            cap: fmt.integer(tk.holdCapSeconds),
          })}
        </Fact>
        <Fact label={t("liquidation.detail.version")}>{t("liquidation.detail.versionN", { n: tk.paramVersion })}</Fact>
      </dl>
      <div className={styles.section}>
        <h3>{t("liquidation.detail.why")}</h3>
        <TicketWhy tk={tk} />
      </div>
      <TicketActions key={tk.id} tk={tk} rights={rights} mode={mode} setMode={setMode} now={now} />
      <div className={styles.section}>
        <h3>
          {t("liquidation.detail.legs")} · {formatShares(t, fmt, sellQty)}
        </h3>
        {tk.legs.length === 0 ? (
          <p className="muted small">{t("liquidation.detail.noLegs")}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className="table" data-testid="plan-legs">
              <thead>
                <tr>
                  <th>{t("liquidation.detail.symbol")}</th>
                  <th className={styles.num}>{t("liquidation.detail.qty")}</th>
                  <th className={styles.num}>{t("liquidation.detail.filled")}</th>
                  <th className={styles.num}>{t("liquidation.detail.mark")}</th>
                  <th className={styles.num}>{t("liquidation.detail.expPrice")}</th>
                  <th className={styles.num}>{t("liquidation.detail.expSlip")}</th>
                </tr>
              </thead>
              <tbody>
                {tk.legs.map((l) => (
                  <tr key={l.id}>
                    <td>{l.symbol}</td>
                    {l.cannotClose ? (
                      <td colSpan={5} className={styles.cannot}>
                        {t("liquidation.detail.cannotClose")}: {cannotCloseLabel(t, l.cannotClose)}
                      </td>
                    ) : (
                      <>
                        <td className={styles.num}>{formatShares(t, fmt, l.qty)}</td>
                        <td className={styles.num}>{formatShares(t, fmt, l.filledQty)}</td>
                        <td className={styles.num}>{fmt.price(l.markPrice)}</td>
                        <td className={styles.num}>{fmt.price(l.expectedPrice)}</td>
                        <td className={styles.num}>{formatBp(t, fmt, l.expectedSlippageBps)}</td>
                      </>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <FillsTable tk={tk} />
      {tk.holds.length > 0 && (
        <div className={styles.section} data-testid="ticket-holds">
          <h3>{t("liquidation.detail.holds")}</h3>
          <ul className="small">
            {tk.holds.map((h) => (
              <li key={h.id}>
                <strong>
                  {(HOLD_KINDS as readonly string[]).includes(h.kind)
                    ? t(`liquidation.detail.holdKind.${h.kind as (typeof HOLD_KINDS)[number]}`)
                    : h.kind}
                </strong>{" "}
                {formatClock(locale, h.fromTs)}–{formatClock(locale, h.untilTs)} · {h.byEmail} · “{h.reason}”
              </li>
            ))}
          </ul>
        </div>
      )}
      {tk.disputes.length > 0 && (
        <div className={styles.section}>
          <h3>{t("liquidation.detail.disputes")}</h3>
          <ul className="small">
            {tk.disputes.map((d) => (
              <li key={d.id}>
                {fmt.dateTime(d.createdAt)} · {d.enteredBy} · “{d.text}”
                {d.reviewNote ? ` → ${d.reviewedBy ?? ""}: “${d.reviewNote}”` : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className={styles.section}>
        <h3>{t("liquidation.detail.events")}</h3>
        <div className={styles.scrollBox}>
          <ol className="small" data-testid="ticket-events" reversed>
            {[...tk.events].reverse().map((e) => (
              <li key={e.id}>
                {formatClock(locale, e.ts)} · {eventLabel(t, e.kind)} · {t("liquidation.detail.actor")} {e.actor}
              </li>
            ))}
          </ol>
        </div>
      </div>
    </div>
  );
}

export function FillsTable({
  tk,
}: {
  tk: Pick<TicketDetail, "fills" | "expectedSlippageBps" | "realizedSlippageBps">;
}) {
  const { t, fmt, locale } = useI18n();
  return (
    <div className={styles.section} data-testid="ticket-fills">
      <h3>
        {t("liquidation.detail.fills")}
        {tk.realizedSlippageBps !== null && (
          <span className="muted small">
            {" "}
            ·{" "}
            {t("liquidation.detail.expectedVsRealized", {
              exp: formatBp(t, fmt, tk.expectedSlippageBps),
              real: formatBp(t, fmt, tk.realizedSlippageBps),
            })}
          </span>
        )}
      </h3>
      {tk.fills.length === 0 ? (
        <p className="muted small">{t("liquidation.detail.noFills")}</p>
      ) : (
        <div className={`${styles.tableWrap} ${styles.scrollBox}`}>
          <table className="table">
            <thead>
              <tr>
                <th>{t("liquidation.detail.fillTime")}</th>
                <th>{t("liquidation.detail.symbol")}</th>
                <th className={styles.num}>{t("liquidation.detail.qty")}</th>
                <th className={styles.num}>{t("liquidation.detail.price")}</th>
                <th className={styles.num}>{t("liquidation.detail.gross")}</th>
                <th className={styles.num}>{t("liquidation.detail.fees")}</th>
                <th className={styles.num}>{t("liquidation.detail.slip")}</th>
              </tr>
            </thead>
            <tbody>
              {[...tk.fills].reverse().map((f) => (
                <tr key={f.id} data-testid="fill-row">
                  <td>{formatClock(locale, f.ts)}</td>
                  <td>{f.symbol}</td>
                  <td className={styles.num}>{formatShares(t, fmt, f.qty)}</td>
                  <td className={styles.num}>{fmt.price(f.price)}</td>
                  <td className={styles.num}>{fmt.money(f.grossProceeds)}</td>
                  <td className={styles.num}>{fmt.money(f.fees)}</td>
                  <td className={styles.num}>{formatBp(t, fmt, f.slippageBps)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
