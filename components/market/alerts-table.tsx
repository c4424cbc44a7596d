"use client";
// M6 alert list: severity, alarm, evidence numbers, latency, acknowledgement (RISK, with a
// confirmation and an optional note), links to the symbol and to the accounts holding it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { AlertEvidence, useKindLabel } from "./alert-evidence";
import styles from "./market.module.css";
import { SeverityBadge } from "./severity-badge";

export function AlertsTable({
  symbol,
  canAck,
  limit: pageSize = 50,
  initialStatus = "all",
}: {
  symbol?: string;
  canAck: boolean;
  limit?: number;
  initialStatus?: "open" | "acked" | "all";
}) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const kindLabel = useKindLabel();
  const [status, setStatus] = useState<"open" | "acked" | "all">(initialStatus);
  const [confirming, setConfirming] = useState<string | null>(null);
  const [note, setNote] = useState("");
  const [limit, setLimit] = useState(pageSize);
  const alerts = useQuery(trpc.monitoring.alerts.queryOptions({ symbol, status, limit }));
  const ack = useMutation(
    trpc.monitoring.ack.mutationOptions({
      onSuccess: () => {
        setConfirming(null);
        setNote("");
        void queryClient.invalidateQueries({ queryKey: trpc.monitoring.alerts.pathKey() });
      },
    }),
  );

  return (
    <div>
      <div className="filters" role="group" aria-label={t("market.alerts.status")}>
        {(["open", "acked", "all"] as const).map((s) => (
          <button
            key={s}
            type="button"
            className={`btn ${status === s ? "btn-primary" : "btn-ghost"}`}
            aria-pressed={status === s}
            onClick={() => setStatus(s)}
          >
            {t(`market.alerts.${s}`)}
          </button>
        ))}
      </div>
      {alerts.isPending && <p className="muted">{t("common.loading")}</p>}
      {alerts.isError && (
        <p role="alert" className="form-error">
          {alerts.error.message}
        </p>
      )}
      {ack.isError && (
        <p role="alert" className="form-error">
          {ack.error.message}
        </p>
      )}
      {alerts.isSuccess && alerts.data.length === 0 && <p className="muted">{t("market.alerts.empty")}</p>}
      {alerts.isSuccess && alerts.data.length > 0 && (
        <table className="table" data-testid="alerts-table">
          <thead>
            <tr>
              <th>{t("market.alerts.time")}</th>
              {!symbol && <th>{t("market.alerts.symbol")}</th>}
              <th>{t("market.alerts.kind")}</th>
              <th>{t("market.alerts.evidence")}</th>
              <th className="num">{t("market.alerts.latency")}</th>
              <th>{t("market.alerts.status")}</th>
            </tr>
          </thead>
          <tbody>
            {alerts.data.map((a) => (
              <tr
                key={a.id}
                tabIndex={0}
                data-testid="alert-row"
                data-kind={a.kind}
                data-symbol={a.symbol}
                data-ts={a.ts}
              >
                <td>{fmt.time(a.ts)}</td>
                {!symbol && (
                  <td>
                    <Link href={`/market/${a.symbol}`}>{a.symbol}</Link>{" "}
                    <Link className="muted small" href={`/accounts?symbol=${encodeURIComponent(a.symbol)}`}>
                      {t("market.alerts.accounts")}
                    </Link>
                  </td>
                )}
                <td>
                  <div className={styles.row}>
                    <SeverityBadge severity={a.severity} />
                    <span>{kindLabel(a.kind)}</span>
                  </div>
                </td>
                <td>
                  <AlertEvidence evidence={a.evidence} kind={a.kind} />
                </td>
                <td className="num">{a.latencyMs !== null ? `${fmt.integer(a.latencyMs)} ms` : "–"}</td>
                <td>
                  {a.ackAt !== null ? (
                    <span className="muted small">
                      {t("market.alerts.ackedBy", { who: a.ackByEmail ?? "", time: fmt.time(a.ackAt) })}
                    </span>
                  ) : !canAck ? (
                    <span className="small">{t("market.alerts.open")}</span>
                  ) : confirming === a.id ? (
                    <div className={styles.confirm}>
                      <span className="small">{t("market.alerts.ackConfirm")}</span>
                      <input
                        aria-label={t("market.alerts.note")}
                        placeholder={t("market.alerts.note")}
                        value={note}
                        maxLength={500}
                        onChange={(e) => setNote(e.target.value)}
                      />
                      <button
                        type="button"
                        className="btn btn-primary"
                        disabled={ack.isPending}
                        onClick={() => ack.mutate({ id: a.id, note: note.trim() || undefined })}
                      >
                        {t("market.alerts.confirm")}
                      </button>
                      <button type="button" className="btn btn-ghost" onClick={() => setConfirming(null)}>
                        {t("market.alerts.cancel")}
                      </button>
                    </div>
                  ) : (
                    <button type="button" className="btn" onClick={() => setConfirming(a.id)}>
                      {t("market.alerts.ack")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {alerts.isSuccess && alerts.data.length >= limit && limit < 500 && (
        <div className="pager">
          <button type="button" className="btn btn-ghost" onClick={() => setLimit((l) => Math.min(500, l + pageSize))}>
            {t("market.alerts.more")}
          </button>
        </div>
      )}
    </div>
  );
}
