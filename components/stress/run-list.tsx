"use client";
// The runs (T2): status with a real progress bar and ETA while running (polled every second), cancel
// behind the app's dialog, view, and ticks to compare finished runs side by side. Keyboard: the rows'
// buttons and checkboxes are in tab order; Enter on a row's View opens it.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ConfirmDialog } from "../ui/confirm-dialog";

export function RunList(props: {
  canRun: boolean;
  selected: string | null;
  onSelect: (id: string) => void;
  compare: string[];
  onCompare: (ids: string[]) => void;
}) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const runs = useQuery({
    ...trpc.stress.runs.queryOptions({ limit: 50 }),
    refetchInterval: (q) =>
      q.state.data?.some((r) => r.status === "QUEUED" || r.status === "RUNNING") ? 1000 : 15_000,
  });
  const [cancelling, setCancelling] = useState<{ id: string; name: string } | null>(null);
  const cancel = useMutation(
    trpc.stress.cancelRun.mutationOptions({
      onSuccess: () => {
        setCancelling(null);
        void qc.invalidateQueries({ queryKey: trpc.stress.runs.pathKey() });
        void qc.invalidateQueries({ queryKey: trpc.stress.run.pathKey() });
      },
    }),
  );
  if (runs.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (runs.isError)
    return (
      <p role="alert" className="form-error">
        {runs.error.message}
      </p>
    );
  const list = runs.data;
  const toggle = (id: string) =>
    props.onCompare(
      props.compare.includes(id) ? props.compare.filter((x) => x !== id) : [...props.compare, id].slice(-4),
    );
  return (
    <section className="panel" aria-labelledby="runs-title">
      <div className="panel-head">
        <h2 id="runs-title">{t("stress.runs.title")}</h2>
        <span className="hint">{t("stress.runs.compareHint")}</span>
      </div>
      {list.length === 0 ? (
        <p className="empty-state muted">{t("stress.runs.empty")}</p>
      ) : (
        <table className="table" data-testid="stress-runs">
          <thead>
            <tr>
              <th scope="col">{t("stress.runs.compare")}</th>
              <th scope="col">{t("stress.runs.scenario")}</th>
              <th scope="col">{t("stress.runs.status")}</th>
              <th scope="col">{t("stress.runs.progress")}</th>
              <th scope="col">{t("stress.runs.by")}</th>
              <th scope="col">{t("stress.runs.at")}</th>
              <th scope="col" className="num">
                <span className="sr-only">{t("stress.runs.view")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((r) => {
              const active = r.status === "QUEUED" || r.status === "RUNNING";
              const pct = Math.round(r.progress * 100);
              return (
                <tr key={r.id} data-testid={`stress-run-${r.id}`} aria-selected={props.selected === r.id}>
                  <td>
                    <input
                      type="checkbox"
                      aria-label={`${t("stress.runs.compare")} ${r.scenarioName}`}
                      checked={props.compare.includes(r.id)}
                      disabled={r.status !== "DONE"}
                      onChange={() => toggle(r.id)}
                    />
                  </td>
                  <th scope="row">
                    {r.scenarioName}
                    {r.paths > 1 && <span className="muted small"> · {fmt.integer(r.paths)} paths</span>}
                  </th>
                  <td data-testid="stress-run-status">{t(`stress.runs.statuses.${r.status}`)}</td>
                  <td>
                    {active ? (
                      <div className="stress-progress">
                        <progress
                          max={100}
                          value={pct}
                          aria-label={t("stress.runs.progress")}
                          data-testid="stress-progress"
                        />
                        <span className="small">
                          {pct}% ·{" "}
                          {r.etaSeconds === null
                            ? t("stress.runs.etaUnknown")
                            : t("stress.runs.eta", { s: fmt.integer(r.etaSeconds) })}
                        </span>
                      </div>
                    ) : r.status === "DONE" ? (
                      "100%"
                    ) : (
                      <span className="muted small">{r.error ?? ""}</span>
                    )}
                  </td>
                  <td>{r.createdByEmail}</td>
                  <td>{fmt.dateTime(new Date(r.createdAt))}</td>
                  <td className="actions">
                    <button type="button" className="btn" onClick={() => props.onSelect(r.id)}>
                      {t("stress.runs.view")}
                    </button>
                    {active && props.canRun && (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => setCancelling({ id: r.id, name: r.scenarioName })}
                      >
                        {t("stress.runs.cancel")}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={cancelling !== null}
        title={t("stress.runs.cancelTitle")}
        body={t("stress.runs.cancelBody", { name: cancelling?.name ?? "" })}
        confirmLabel={t("stress.runs.cancelConfirm")}
        cancelLabel={t("stress.runs.keep")}
        busy={cancel.isPending}
        error={cancel.error?.message ?? null}
        onConfirm={() => cancelling && cancel.mutate({ id: cancelling.id })}
        onCancel={() => {
          cancel.reset();
          setCancelling(null);
        }}
      />
    </section>
  );
}
