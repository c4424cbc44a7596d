"use client";
// The review-window actions on one ticket (R6): hold with a reason, execute now, reduce quantities,
// cancel when the account has recovered, record a client dispute, and the manager's hold extension.
// Each opens the app's confirmation dialog saying exactly what will happen; the server has the last
// word (a refusal is shown in the dialog and nothing changes).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import type { MessageKey } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { offeredActions, type ActionMode, type ActionRights } from "./actions-offered";
import { ConfirmDialog } from "./confirm-dialog";
import { formatBp, formatClock, formatShares, statusKey } from "./format";
import styles from "./liquidation.module.css";

export type TicketDetail = inferRouterOutputs<AppRouter>["liquidation"]["detail"];
export { offeredActions, type ActionMode, type ActionRights };
const LABEL: Record<ActionMode, MessageKey> = {
  hold: "liquidation.actions.hold",
  execute: "liquidation.actions.execute",
  reduce: "liquidation.actions.reduce",
  cancel: "liquidation.actions.cancel",
  dispute: "liquidation.actions.dispute",
  extend: "liquidation.actions.extend",
};
const KEYS: Partial<Record<ActionMode, string>> = { hold: "h", execute: "e" };

export function TicketActions({
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
  const trpc = useTRPC();
  const qc = useQueryClient();
  const onSuccess = () => {
    setMode(null);
    void qc.invalidateQueries({ queryKey: trpc.liquidation.detail.queryKey({ id: tk.id }) });
    void qc.invalidateQueries({ queryKey: trpc.liquidation.list.pathKey() });
  };
  const m = {
    hold: useMutation(trpc.liquidation.hold.mutationOptions({ onSuccess })),
    execute: useMutation(trpc.liquidation.execute.mutationOptions({ onSuccess })),
    reduce: useMutation(trpc.liquidation.reduce.mutationOptions({ onSuccess })),
    cancel: useMutation(trpc.liquidation.cancel.mutationOptions({ onSuccess })),
    dispute: useMutation(trpc.liquidation.dispute.mutationOptions({ onSuccess })),
    extend: useMutation(trpc.liquidation.extendHold.mutationOptions({ onSuccess })),
  };
  const offered = offeredActions(tk, rights);
  const done = Object.values(m).find((x) => x.isSuccess)?.data;
  const sellable = tk.legs.filter((l) => l.cannotClose === null && l.qty > l.filledQty);
  const code = tk.accountCode;
  const nextClose = Math.floor(now / 60_000) * 60_000 + 60_000;

  function close() {
    setMode(null);
    Object.values(m).forEach((x) => x.reset());
  }

  function confirm(form: FormData) {
    const reason = String(form.get("reason") ?? "");
    if (mode === "hold") m.hold.mutate({ id: tk.id, reason });
    if (mode === "execute") m.execute.mutate({ id: tk.id });
    if (mode === "cancel") m.cancel.mutate({ id: tk.id, reason });
    if (mode === "dispute") m.dispute.mutate({ id: tk.id, text: String(form.get("text") ?? "") });
    if (mode === "extend") m.extend.mutate({ id: tk.id, reason, extraSeconds: Number(form.get("extra") ?? 0) });
    if (mode === "reduce") {
      const legs = sellable.map((l) => ({ symbol: l.symbol, qty: Number(form.get(`qty:${l.symbol}`) ?? l.qty) }));
      m.reduce.mutate({ id: tk.id, reason, legs });
    }
  }

  function what(mode: ActionMode): string {
    const used = fmt.integer(tk.holdSeconds);
    const cap = fmt.integer(tk.holdCapSeconds);
    switch (mode) {
      case "hold":
        return t("liquidation.actions.holdWhat", { code, time: formatClock(locale, nextClose), used, cap });
      case "execute": {
        const legs = sellable
          .map((l) => t("liquidation.actions.legLine", { qty: fmt.integer(l.qty - l.filledQty), symbol: l.symbol }))
          .join(", ");
        const proceeds = sellable.reduce((a, l) => a + (l.qty - l.filledQty) * l.expectedPrice, 0);
        return t("liquidation.actions.executeWhat", {
          code,
          legs: legs || "—",
          proceeds: fmt.money(proceeds),
          slip: formatBp(t, fmt, tk.expectedSlippageBps),
        });
      }
      case "reduce":
        return t("liquidation.actions.reduceWhat", { code });
      case "cancel":
        return t("liquidation.actions.cancelWhat", { code });
      case "dispute":
        return t("liquidation.actions.disputeWhat", { code });
      case "extend":
        return t("liquidation.actions.extendWhat", { code });
    }
  }

  const active = mode && offered.includes(mode) ? mode : null;
  const error = active ? (m[active].error?.message ?? null) : null;
  return (
    <div className={styles.section}>
      <h3>{t("liquidation.actions.title")}</h3>
      {done && (
        <p role="status" className="ok-banner">
          {t("liquidation.actions.done", { status: t(statusKey(done.status)) })}
        </p>
      )}
      {offered.length === 0 && <p className="muted small">{t("liquidation.actions.none")}</p>}
      <div className={styles.actions}>
        {offered.map((o) => (
          <button
            key={o}
            type="button"
            className={`btn ${o === "execute" ? "btn-primary" : ""}`}
            onClick={() => setMode(o)}
            aria-keyshortcuts={KEYS[o]}
          >
            {t(LABEL[o])}
            {KEYS[o] && <span className="muted small"> ({KEYS[o]})</span>}
          </button>
        ))}
      </div>
      {active && (
        <ConfirmDialog
          title={`${t(LABEL[active])} · ${code}`}
          what={what(active)}
          confirmLabel={t("liquidation.actions.confirm")}
          danger={active === "execute"}
          busy={m[active].isPending}
          error={error}
          onConfirm={confirm}
          onClose={close}
        >
          {active === "reduce" && (
            <table className={`table ${styles.qtyTable}`}>
              <thead>
                <tr>
                  <th>{t("liquidation.detail.symbol")}</th>
                  <th className={styles.num}>{t("liquidation.detail.qty")}</th>
                </tr>
              </thead>
              <tbody>
                {sellable.map((l) => (
                  <tr key={l.symbol}>
                    <td>
                      {l.symbol} <span className="muted small">({formatShares(t, fmt, l.qty)})</span>
                    </td>
                    <td className={styles.num}>
                      <input
                        name={`qty:${l.symbol}`}
                        type="number"
                        min={l.filledQty}
                        max={l.qty}
                        step={1}
                        defaultValue={l.qty}
                        required
                        className={styles.qtyInput}
                        aria-label={`${l.symbol} ${t("liquidation.detail.qty")} (${t("liquidation.units.sharesShort")})`}
                      />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {active === "extend" && (
            <label>
              {t("liquidation.actions.extraSeconds")}
              <input name="extra" type="number" min={60} max={3600} step={60} defaultValue={300} required />
            </label>
          )}
          {active === "dispute" ? (
            <label>
              {t("liquidation.actions.disputeText")}
              <textarea name="text" required minLength={3} maxLength={2000} rows={3} autoFocus />
            </label>
          ) : active !== "execute" ? (
            <label>
              {t("liquidation.actions.reason")}
              <textarea name="reason" required minLength={3} maxLength={500} rows={2} autoFocus />
            </label>
          ) : null}
        </ConfirmDialog>
      )}
    </div>
  );
}
