"use client";
// The "why" of a ticket (R3, A2): the figures at the triggering bar close, the line crossed, the
// parameter version, and what the plan is expected to leave (R5), including an out-of-reach target.
import { useI18n } from "../i18n/i18n-provider";
import { formatMl } from "./format";
import styles from "./liquidation.module.css";
import type { TicketDetail } from "./ticket-actions";

type Lines = { warning: number; liquidation: number; hardFloor: number; target: number };
type Figures = { marginLevel: number | null; equity: number; debt: number };

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

function readLines(v: unknown): Lines | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  const [w, l, h, tg] = [num(o.warning), num(o.liquidation), num(o.hardFloor), num(o.target)];
  return w !== null && l !== null && h !== null && tg !== null
    ? { warning: w, liquidation: l, hardFloor: h, target: tg }
    : null;
}

function readFigures(v: unknown): Figures | null {
  if (typeof v !== "object" || v === null) return null;
  const o = v as Record<string, unknown>;
  const equity = num(o.equity);
  const debt = num(o.debt);
  return equity !== null && debt !== null ? { marginLevel: num(o.marginLevel), equity, debt } : null;
}

export function TicketWhy({ tk }: { tk: TicketDetail }) {
  const { t, fmt } = useI18n();
  const r = tk.reasons;
  const lines = readLines(r.lines);
  const ml = num(r.marginLevel) ?? tk.marginLevel;
  const equity = num(r.equity) ?? tk.equity;
  const mm = num(r.maintenanceMargin) ?? tk.maintenance;
  const version = num(r.paramVersion) ?? tk.paramVersion;
  const minute = fmt.dateTime(tk.triggerMinute.getTime() + 60_000);
  const target = num(tk.plan.target) ?? lines?.target ?? null;
  const projected = readFigures(tk.plan.projected);
  const repaid = num(tk.plan.repaidDebt) ?? 0;
  const fees = num(tk.plan.totalFees) ?? 0;
  const reachable = tk.plan.reachable !== false;
  const line =
    !lines || ml === null
      ? null
      : ml < lines.hardFloor
        ? "hardFloor"
        : ml < lines.liquidation
          ? "liquidation"
          : "warning";
  const lineValue = line && lines ? lines[line] : null;
  return (
    <div className={styles.whyBox} data-testid="ticket-why">
      {ml !== null && line && lineValue !== null ? (
        <p>
          {t("liquidation.detail.whyText", {
            minute,
            ml: formatMl(fmt, ml),
            equity: fmt.money(equity),
            mm: fmt.money(mm),
            line: t(`liquidation.detail.lineNames.${line}`),
            lineValue: fmt.number(lineValue, 2),
            version,
            target: target === null ? "—" : fmt.number(target, 2),
          })}
        </p>
      ) : (
        <p>{t("liquidation.detail.whyNoMl", { minute, equity: fmt.money(equity), mm: fmt.money(mm), version })}</p>
      )}
      {projected && (
        <p>
          {t("liquidation.detail.projected", {
            ml: formatMl(fmt, projected.marginLevel),
            equity: fmt.money(projected.equity),
            debt: fmt.money(projected.debt),
            repaid: fmt.money(repaid),
            fees: fmt.money(fees),
          })}
        </p>
      )}
      {!reachable && (
        <p className={styles.cannot}>{t("liquidation.detail.unreachable", { shortfall: fmt.money(tk.shortfall) })}</p>
      )}
    </div>
  );
}
