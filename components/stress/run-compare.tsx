"use client";
// Two to four finished runs side by side (T2): one row per KPI, one column per run.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { buildKpiRows } from "./kpi-rows";
import { resultsOf } from "./run-types";

export function RunCompare(props: { ids: string[] }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery(trpc.stress.compare.queryOptions({ ids: props.ids }));
  if (q.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  const cols = q.data.map((r) => ({ run: r, res: resultsOf(r) }));
  const rows = cols[0]?.res ? buildKpiRows(t, fmt, cols[0].res.kpis) : [];
  const valueOf = (i: number, key: string) => {
    const res = cols[i]?.res;
    return res ? (buildKpiRows(t, fmt, res.kpis).find((r) => r.key === key)?.value ?? "–") : "–";
  };
  return (
    <section className="panel" aria-labelledby="compare-title" data-testid="stress-compare">
      <h2 id="compare-title">{t("stress.compare.title")}</h2>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("stress.compare.figure")}</th>
            {cols.map((c) => (
              <th scope="col" className="num" key={c.run.id}>
                {c.run.scenarioName}
                <br />
                <span className="muted small">{fmt.dateTime(new Date(c.run.createdAt))}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {cols.map((c, i) => (
                <td className="num" key={c.run.id}>
                  {valueOf(i, r.key)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
