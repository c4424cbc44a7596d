"use client";
// R2 on the approval page: what the proposed parameters do, computed on the live book, shown before the
// approver types the authenticator code: how many accounts change status now, and the standard
// scenarios' KPIs under the active and the proposed parameters side by side.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

const STATUSES = ["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"] as const;

export function ParamImpactPanel(props: { version: number }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.stress.paramImpact.queryOptions({ version: props.version }), staleTime: 60_000 });
  if (q.isPending) return <p className="muted">{t("stress.impact.loading")}</p>;
  if (q.isError)
    return (
      <p role="alert" className="form-error">
        {q.error.message}
      </p>
    );
  const d = q.data;
  const yes = (b: boolean) => (b ? t("stress.kpi.gfOk") : t("stress.impact.short"));
  return (
    <div className="stack" data-testid="param-impact">
      <h3>{t("stress.impact.title", { from: d.currentVersion, to: d.version })}</h3>
      <p data-testid="param-impact-now">
        {t("stress.impact.now", {
          changed: fmt.integer(d.now.changed),
          accounts: fmt.integer(d.accounts),
          worse: fmt.integer(d.now.worse),
          better: fmt.integer(d.now.better),
        })}
      </p>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("stress.runs.status")}</th>
            <th scope="col" className="num">
              {t("stress.impact.current", { v: d.currentVersion })}
            </th>
            <th scope="col" className="num">
              {t("stress.impact.proposed", { v: d.version })}
            </th>
          </tr>
        </thead>
        <tbody>
          {STATUSES.map((s) => (
            <tr key={s}>
              <th scope="row">{t(`risk.status.${s}`)}</th>
              <td className="num">{fmt.integer(d.now.current[s])}</td>
              <td className="num">{fmt.integer(d.now.proposed[s])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="table" data-testid="param-impact-scenarios">
        <thead>
          <tr>
            <th scope="col">{t("stress.runs.scenario")}</th>
            <th scope="col" className="num">
              {t("stress.impact.liquidation")}
            </th>
            <th scope="col" className="num">
              {t("stress.kpi.notional")}
            </th>
            <th scope="col" className="num">
              {t("stress.kpi.slippageP95")}
            </th>
            <th scope="col" className="num">
              {t("stress.kpi.shortfall")}
            </th>
            <th scope="col">{t("stress.kpi.gf")}</th>
          </tr>
        </thead>
        <tbody>
          {d.scenarios.flatMap((s) =>
            (["current", "proposed"] as const).map((which) => {
              const k = s[which];
              return (
                <tr key={`${s.id}-${which}`}>
                  <th scope="row">
                    {which === "current" ? s.name : ""}{" "}
                    <span className="muted small">
                      {which === "current"
                        ? t("stress.impact.current", { v: d.currentVersion })
                        : t("stress.impact.proposed", { v: d.version })}
                    </span>
                  </th>
                  <td className="num">{fmt.integer(k.liquidation)}</td>
                  <td className="num">{fmt.money(k.liquidationNotional)}</td>
                  <td className="num">{t("stress.kpi.bps", { v: fmt.number(k.slippageP95Bps, 1) })}</td>
                  <td className="num">{fmt.money(k.shortfall)}</td>
                  <td>{yes(k.guaranteeFundSufficient)}</td>
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
