"use client";
// The stress-test screen (T1-T2): the scenario library, one's own scenarios (create, edit), the runs
// with live progress, the selected run's results and charts, and a side-by-side comparison.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { RunCompare } from "./run-compare";
import { RunList } from "./run-list";
import { RunResult } from "./run-result";
import { resultsOf } from "./run-types";
import { ScenarioEditor, type EditTarget } from "./scenario-editor";
import { ScenarioLibrary } from "./scenario-library";

export function StressConsole(props: { canRun: boolean; canEdit: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const [selected, setSelected] = useState<string | null>(null);
  const [compare, setCompare] = useState<string[]>([]);
  const [editing, setEditing] = useState<{ target: EditTarget | null } | null>(null);
  const run = useQuery({
    ...trpc.stress.run.queryOptions({ id: selected ?? "" }),
    enabled: selected !== null,
    refetchInterval: (q) =>
      q.state.data && (q.state.data.status === "QUEUED" || q.state.data.status === "RUNNING") ? 1000 : false,
  });
  const r = run.data;
  const res = r ? resultsOf(r) : null;
  return (
    <div className="stack" data-testid="stress-console">
      <h1>{t("stress.title")}</h1>
      <p className="muted">{t("stress.intro")}</p>
      {editing && (
        <ScenarioEditor
          key={editing.target?.seriesId ?? "new"}
          target={editing.target}
          onDone={() => setEditing(null)}
        />
      )}
      <ScenarioLibrary
        canRun={props.canRun}
        canEdit={props.canEdit}
        onStarted={(id) => setSelected(id)}
        onEdit={(target) => setEditing({ target })}
      />
      <RunList
        canRun={props.canRun}
        selected={selected}
        onSelect={setSelected}
        compare={compare}
        onCompare={setCompare}
      />
      {selected && run.isError && (
        <p role="alert" className="form-error">
          {run.error.message}
        </p>
      )}
      {r?.status === "FAILED" && (
        <p role="alert" className="form-error">
          {t("stress.failed", { error: r.error ?? "" })}
        </p>
      )}
      {r?.status === "CANCELLED" && <p className="muted">{t("stress.cancelled")}</p>}
      {r && res && (
        <RunResult
          name={r.scenarioName}
          paramVersion={r.paramVersion}
          bookDigest={r.bookDigest}
          kpis={res.kpis}
          series={res.series}
        />
      )}
      {compare.length >= 2 && <RunCompare ids={compare} />}
    </div>
  );
}
