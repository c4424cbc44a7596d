"use client";
// The active parameter set (R2, R3) in readable tables, for everyone who may see the parameters.
import type { RiskParams } from "@/server/risk/margin/risk-params";
import { DEFAULT_MARGIN_CALL_MINUTES } from "@/server/risk/margin/risk-params";
import { enumLabel } from "../i18n/enum-label";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./risk.module.css";

export function ActiveParams({ params, version }: { params: RiskParams; version: number }) {
  const { t, fmt } = useI18n();
  const pct = (v: number) => fmt.percent(v).replace(/^\+/, "");
  const table = (title: string, rows: Array<[string, string]>) => (
    <div>
      <h3 className="small">{title}</h3>
      <table className="table">
        <tbody>
          {rows.map(([k, v]) => (
            <tr key={k}>
              <th scope="row">{k}</th>
              <td className="num">{v}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return (
    <section className="panel" aria-labelledby="active-params-title" data-testid="active-params">
      <h2 id="active-params-title">{t("risk.params.activeTitle", { version })}</h2>
      <div className={styles.paramGrid}>
        {table(
          t("risk.params.base"),
          Object.entries(params.base).map(([k, v]) => [enumLabel(t, k), pct(v)]),
        )}
        {table(
          t("risk.params.liquidity"),
          Object.entries(params.liquidityMultiplier).map(([k, v]) => [enumLabel(t, k), `×${fmt.number(v, 2)}`]),
        )}
        {table(
          t("risk.params.sigmaRef"),
          Object.entries(params.sigmaRef).map(([k, v]) => [enumLabel(t, k), fmt.number(v, 4)]),
        )}
        {table(
          t("risk.params.sizeTiers"),
          params.sizeTiers.map(([bound, mult]) => [
            bound === null ? t("risk.params.above") : t("risk.params.upTo", { share: pct(bound) }),
            `×${fmt.number(mult, 2)}`,
          ]),
        )}
        {table(t("risk.params.lines"), [
          [t("risk.status.WARNING"), `< ${fmt.number(params.lines.warning, 2)}`],
          [t("risk.status.LIQUIDATION"), `< ${fmt.number(params.lines.liquidation, 2)}`],
          [t("risk.status.HARD_FLOOR"), `< ${fmt.number(params.lines.hardFloor, 2)}`],
          [t("risk.params.target"), `≥ ${fmt.number(params.lines.target, 2)}`],
        ])}
        {table(t("risk.params.imMultiplier"), [
          [t("risk.params.imRow"), `×${fmt.number(params.imMultiplier, 2)}`],
          [
            t("risk.params.callMinutes"),
            t("risk.params.minutes", { n: params.marginCallMinutes ?? DEFAULT_MARGIN_CALL_MINUTES }),
          ],
        ])}
      </div>
    </section>
  );
}
