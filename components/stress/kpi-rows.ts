// The KPI rows of a run (T2), shared by the result view and the side-by-side comparison, each value
// with its unit.
import type { Formatters, Translate } from "../i18n/config";
import type { Kpis } from "./run-types";

export interface KpiRow {
  key: string;
  label: string;
  value: string;
}

export function buildKpiRows(t: Translate, fmt: Formatters, k: Kpis): KpiRow[] {
  const bps = (v: number) => t("stress.kpi.bps", { v: fmt.number(v, 1) });
  const mins = (v: number | null) =>
    v === null ? t("stress.kpi.none") : t("stress.kpi.minutes", { v: fmt.integer(v) });
  const pct = (v: number | null) => (v === null ? t("stress.kpi.none") : fmt.percent(v).replace(/^\+/, ""));
  return [
    {
      key: "warning",
      label: t("stress.kpi.breachingWarning", { line: k.lines.warning }),
      value: fmt.integer(k.breaching.warning),
    },
    {
      key: "liquidation",
      label: t("stress.kpi.breachingLiquidation", { line: k.lines.liquidation }),
      value: fmt.integer(k.breaching.liquidation),
    },
    {
      key: "hardFloor",
      label: t("stress.kpi.breachingHardFloor", { line: k.lines.hardFloor }),
      value: fmt.integer(k.breaching.hardFloor),
    },
    { key: "tickets", label: t("stress.kpi.tickets"), value: fmt.integer(k.tickets) },
    {
      key: "ticketsDone",
      label: t("stress.kpi.ticketsDone"),
      value: `${fmt.integer(k.ticketsDone)} / ${fmt.integer(k.ticketsOpen)}`,
    },
    { key: "notional", label: t("stress.kpi.notional"), value: fmt.money(k.liquidationNotional) },
    { key: "fills", label: t("stress.kpi.fills"), value: fmt.integer(k.fills) },
    { key: "slippageMean", label: t("stress.kpi.slippageMean"), value: bps(k.slippageMeanBps) },
    { key: "slippageP95", label: t("stress.kpi.slippageP95"), value: bps(k.slippageP95Bps) },
    { key: "minutesP50", label: t("stress.kpi.minutesP50"), value: mins(k.minutesToLiquidateP50) },
    { key: "minutesMax", label: t("stress.kpi.minutesMax"), value: mins(k.minutesToLiquidateMax) },
    { key: "recovery", label: t("stress.kpi.recovery"), value: pct(k.recoveryRate) },
    { key: "shortfall", label: t("stress.kpi.shortfall"), value: fmt.money(k.shortfall) },
    { key: "underwater", label: t("stress.kpi.underwater"), value: fmt.integer(k.accountsUnderwater) },
    {
      key: "gf",
      label: t("stress.kpi.gf"),
      value: k.guaranteeFundSufficient ? t("stress.kpi.gfOk") : t("stress.kpi.gfShort"),
    },
    { key: "unabsorbed", label: t("stress.kpi.unabsorbed"), value: fmt.money(k.unabsorbed) },
  ];
}
