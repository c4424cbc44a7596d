"use client";
// The capital domain's governed changes on one page: the LCR assumptions (form and versions) and the
// credit-limit rebalancing plans (preview, proposal and versions). Proposing needs capital.propose,
// deciding capital.approve and a step-up; nobody decides their own proposal.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { GovernedVersions } from "./governed-versions";
import { LiquidityAssumptionsForm, type Assumptions } from "./liquidity-assumptions-form";
import { PlanTable, RebalancePanel } from "./rebalance-panel";

export function CapitalChanges(props: { userId: string; canPropose: boolean; canApprove: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const gov = useQuery(trpc.capital.governance.queryOptions());
  const liq = useQuery(trpc.capital.liquidity.queryOptions());
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  if (gov.isPending || liq.isPending) return <p className="muted">{t("common.loading")}</p>;
  if (gov.isError || liq.isError)
    return (
      <p role="alert" className="form-error">
        {(gov.error ?? liq.error)?.message}
      </p>
    );
  const { version, ...inForce } = liq.data.params;
  return (
    <div className="stack" data-testid="capital-changes">
      <h1>{t("capital.changes.title")}</h1>
      <p className="muted">{t("capital.changes.intro")}</p>
      <section className="panel" aria-labelledby="liq-changes-title">
        <h2 id="liq-changes-title">{t("capital.changes.liquidityTitle")}</h2>
        {props.canPropose && <LiquidityAssumptionsForm inForce={inForce as Assumptions} version={version} />}
        <h3>{t("capital.changes.versions")}</h3>
        <GovernedVersions
          settingKey="capital.liquidity"
          rows={gov.data.liquidity}
          userId={props.userId}
          canApprove={props.canApprove}
          describe={(r) => {
            const a = r.value as Assumptions;
            return (
              <p className="small">
                {t("capital.dashboard.runOff", {
                  own: pct(a.runOff.OWN_CAPITAL),
                  bank: pct(a.runOff.BANK_CREDIT),
                  inst: pct(a.runOff.INSTITUTIONAL),
                  retail: pct(a.runOff.RETAIL_POOL),
                  undrawn: pct(a.undrawnDrawdown),
                  inflow: pct(a.inflowRate),
                  cap: pct(a.inflowCap),
                })}{" "}
                {t("capital.changes.lines", { lcr: pct(a.minLcr), reserve: pct(a.minReserveRatio) })}
              </p>
            );
          }}
          approveBody={(r) => t("capital.changes.approveLiquidityBody", { v: r.version })}
        />
      </section>
      <section className="panel" aria-labelledby="rebalance-title">
        <h2 id="rebalance-title">{t("capital.changes.rebalanceTitle")}</h2>
        <RebalancePanel canPropose={props.canPropose} />
        <h3>{t("capital.changes.versions")}</h3>
        <GovernedVersions
          settingKey="capital.rebalance"
          rows={gov.data.rebalance}
          userId={props.userId}
          canApprove={props.canApprove}
          describe={(r) => (
            <details>
              <summary>
                {t("capital.changes.planSummaryShort", {
                  mode: t(`capital.changes.modes.${r.value.mode}`),
                  n: fmt.integer(r.value.changeCount),
                  moved: fmt.money(r.value.movedFen / 100),
                })}
              </summary>
              <PlanTable changes={r.value.changes} total={r.value.changeCount} />
            </details>
          )}
          approveBody={(r) =>
            t("capital.changes.approvePlanBody", {
              n: fmt.integer(r.value.changeCount),
              moved: fmt.money(r.value.movedFen / 100),
            })
          }
        />
      </section>
    </div>
  );
}
