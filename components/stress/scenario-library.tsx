"use client";
// The scenario library (T1): historical, synthetic, Monte Carlo and users' own scenarios, each with its
// steps (expand), its source, and a Run button (RISK, MANAGER); Monte Carlo takes paths and a seed.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Fragment, useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import type { EditTarget } from "./scenario-editor";

const MAX_PATHS = 1000;

export function ScenarioLibrary(props: {
  canRun: boolean;
  canEdit: boolean;
  onStarted: (id: string) => void;
  onEdit: (target: EditTarget | null) => void;
}) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const q = useQuery(trpc.stress.scenarios.queryOptions());
  const [open, setOpen] = useState<string | null>(null);
  const [paths, setPaths] = useState("200");
  const [seed, setSeed] = useState("");
  const start = useMutation(
    trpc.stress.startRun.mutationOptions({
      onSuccess: (r) => {
        void qc.invalidateQueries({ queryKey: trpc.stress.runs.pathKey() });
        props.onStarted(r.id);
      },
    }),
  );
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  const move = (rs: number[]) => (rs.length === 0 ? "–" : fmt.percent(rs.reduce((p, r) => p * (1 + r), 1) - 1));
  const run = (scenarioId: string, mc: boolean) =>
    start.mutate(
      mc ? { scenarioId, paths: Number(paths), ...(seed.trim() !== "" ? { seed: Number(seed) } : {}) } : { scenarioId },
    );
  return (
    <section className="panel" aria-labelledby="library-title">
      <div className="panel-head">
        <h2 id="library-title">{t("stress.library.title")}</h2>
        {props.canEdit && (
          <button type="button" className="btn" onClick={() => props.onEdit(null)}>
            {t("stress.library.newScenario")}
          </button>
        )}
      </div>
      {start.error && (
        <p role="alert" className="form-error">
          {start.error.message}
        </p>
      )}
      {q.data.length === 0 ? (
        <p className="empty-state muted">{t("stress.library.empty")}</p>
      ) : (
        <table className="table" data-testid="stress-library">
          <thead>
            <tr>
              <th scope="col">{t("stress.library.name")}</th>
              <th scope="col">{t("stress.library.kind")}</th>
              <th scope="col" className="num">
                {t("stress.library.steps")}
              </th>
              <th scope="col" className="num">
                {t("stress.library.move")}
              </th>
              <th scope="col" className="num">
                {t("stress.library.minutes")}
              </th>
              <th scope="col">{t("stress.library.source")}</th>
              <th scope="col" className="num">
                <span className="sr-only">{t("stress.library.run")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data.map((s) => {
              const mc = s.kind === "MONTE_CARLO";
              return (
                <Fragment key={s.id}>
                  <tr data-testid={`scenario-${s.id}`}>
                    <th scope="row">
                      <button
                        type="button"
                        className="btn btn-ghost"
                        aria-expanded={open === s.id}
                        onClick={() => setOpen(open === s.id ? null : s.id)}
                      >
                        {s.name}
                      </button>
                      {s.user && (
                        <div className="muted small">
                          {t("stress.library.version", { v: s.user.version })} · {s.user.ownerEmail}
                        </div>
                      )}
                    </th>
                    <td>{t(`stress.library.kinds.${s.kind}`)}</td>
                    <td className="num">{fmt.integer(s.stepLabels.length)}</td>
                    <td className="num">{move(s.indexReturns)}</td>
                    <td className="num">{fmt.integer(s.minutes)}</td>
                    <td className="small muted">{s.description}</td>
                    <td className="actions">
                      {mc && props.canRun && (
                        <>
                          <label className="inline-field small">
                            {t("stress.library.paths")}
                            <input
                              type="number"
                              min={1}
                              max={MAX_PATHS}
                              value={paths}
                              onChange={(e) => setPaths(e.target.value)}
                              style={{ width: "5.5rem" }}
                            />
                          </label>
                          <label className="inline-field small">
                            <span className="sr-only">{t("stress.library.seed")}</span>
                            <input
                              type="number"
                              min={0}
                              placeholder={t("stress.library.seed")}
                              value={seed}
                              onChange={(e) => setSeed(e.target.value)}
                              style={{ width: "8rem" }}
                            />
                          </label>
                        </>
                      )}
                      {s.user?.mine && props.canEdit && (
                        <button
                          type="button"
                          className="btn"
                          onClick={() =>
                            s.user &&
                            props.onEdit({
                              seriesId: s.user.seriesId,
                              version: s.user.version,
                              name: s.name,
                              description: s.description,
                              definition: s.user.definition,
                            })
                          }
                        >
                          {t("stress.library.edit")}
                        </button>
                      )}
                      {props.canRun && (
                        <button
                          type="button"
                          className="btn btn-primary"
                          disabled={start.isPending}
                          onClick={() => run(s.id, mc)}
                          aria-label={`${t("stress.library.run")} ${s.name}`}
                        >
                          {start.isPending && start.variables?.scenarioId === s.id
                            ? t("stress.library.running")
                            : t("stress.library.run")}
                        </button>
                      )}
                    </td>
                  </tr>
                  {open === s.id && (
                    <tr>
                      <td colSpan={7}>
                        <p className="small muted">{s.source}</p>
                        {mc && (
                          <p className="small muted">{t("stress.library.mcHint", { paths: fmt.integer(MAX_PATHS) })}</p>
                        )}
                        <table className="table" aria-label={t("stress.library.stepsOf", { name: s.name })}>
                          <tbody>
                            {s.stepLabels.map((label, i) => (
                              <tr key={`${label}-${i}`}>
                                <th scope="row">{label}</th>
                                <td className="num">
                                  {s.indexReturns[i] === undefined ? "–" : fmt.percent(s.indexReturns[i] ?? 0)}
                                </td>
                              </tr>
                            ))}
                          </tbody>
                        </table>
                      </td>
                    </tr>
                  )}
                </Fragment>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
