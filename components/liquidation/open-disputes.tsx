"use client";
// Client disputes waiting for COMPLIANCE (R6: disputes attach to the ticket and reach compliance): each
// names its ticket (opens it in the detail panel) and account; COMPLIANCE records its review with a note
// in the app's dialog, once. Shown only when disputes are open; refreshed by the live ticket stream.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ConfirmDialog } from "./confirm-dialog";
import { formatClock, statusKey } from "./format";
import { POLL_MS, useLiveTickets } from "./live-tickets";

export function OpenDisputes({ canReview, onSelect }: { canReview: boolean; onSelect: (ticketId: string) => void }) {
  const { t, locale } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const live = useLiveTickets();
  const q = useQuery({
    ...trpc.liquidation.disputes.queryOptions(),
    refetchInterval: live.polling ? POLL_MS : false,
  });
  const [reviewing, setReviewing] = useState<{ id: string; ticketId: string } | null>(null);
  const review = useMutation(
    trpc.liquidation.reviewDispute.mutationOptions({
      onSuccess: () => {
        setReviewing(null);
        void qc.invalidateQueries({ queryKey: trpc.liquidation.disputes.pathKey() });
      },
    }),
  );
  const rows = q.data ?? [];
  if (q.isError) {
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  }
  if (rows.length === 0) return null;
  return (
    <section className="panel" aria-labelledby="disputes-title" data-testid="open-disputes">
      <h2 id="disputes-title">{t("liquidation.disputes.title", { n: rows.length })}</h2>
      <table className="table">
        <thead>
          <tr>
            <th>{t("liquidation.disputes.filed")}</th>
            <th>{t("liquidation.disputes.ticket")}</th>
            <th>{t("liquidation.disputes.text")}</th>
            <th>{t("liquidation.disputes.by")}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {rows.map((d) => (
            <tr key={d.id} data-testid="open-dispute" data-ticket={d.ticketId}>
              <td>{formatClock(locale, d.createdAt)}</td>
              <td>
                <button type="button" className="btn btn-ghost" onClick={() => onSelect(d.ticketId)}>
                  {t(statusKey(d.ticketStatus))}
                </button>{" "}
                <Link href={`/accounts/${d.accountId}`} className="small">
                  {t("liquidation.detail.openAccount")}
                </Link>
              </td>
              <td>{d.text}</td>
              <td className="small">{d.enteredBy}</td>
              <td>
                {canReview && (
                  <button
                    type="button"
                    className="btn"
                    onClick={() => {
                      review.reset();
                      setReviewing({ id: d.id, ticketId: d.ticketId });
                    }}
                  >
                    {t("liquidation.disputes.review")}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {reviewing && (
        <ConfirmDialog
          title={t("liquidation.disputes.review")}
          what={t("liquidation.disputes.reviewWhat")}
          confirmLabel={t("liquidation.actions.confirm")}
          busy={review.isPending}
          error={review.error?.message ?? null}
          onConfirm={(form) => review.mutate({ disputeId: reviewing.id, note: String(form.get("note") ?? "") })}
          onClose={() => setReviewing(null)}
        >
          <label>
            {t("liquidation.disputes.note")}
            <textarea name="note" required minLength={3} maxLength={500} rows={3} autoFocus />
          </label>
        </ConfirmDialog>
      )}
    </section>
  );
}
