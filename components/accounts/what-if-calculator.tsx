"use client";
// What-if (R1-R3): change prices or quantities (or shock every price by a percentage) and see the
// new figures and status from the same pure margin model the tick uses. Nothing is saved.
import { useMemo, useState } from "react";
import { evaluateAccount, type AccountInput, type AccountResult } from "@/server/risk/margin/margin-model";
import type { RiskParams } from "@/server/risk/margin/risk-params";
import { useI18n } from "../i18n/i18n-provider";
import styles from "../risk/risk.module.css";
import { StatusBadge } from "../risk/status-badge";

const parse = (s: string): number | null => {
  const v = Number(s);
  return s.trim() !== "" && Number.isFinite(v) && v >= 0 ? v : null;
};

export function WhatIfCalculator({
  input,
  params,
  current,
}: {
  input: AccountInput;
  params: RiskParams;
  current: AccountResult;
}) {
  const { t, fmt } = useI18n();
  const initial = () =>
    Object.fromEntries(input.positions.map((p) => [p.symbol, { price: String(p.price), qty: String(p.qty) }]));
  const [edits, setEdits] = useState<Record<string, { price: string; qty: string }>>(initial);
  const [shock, setShock] = useState("0");
  const shockPct = Number(shock);
  const scenario = useMemo(() => {
    const positions = input.positions.map((p) => {
      const e = edits[p.symbol];
      const price = parse(e?.price ?? "") ?? p.price;
      const qty = parse(e?.qty ?? "") ?? p.qty;
      return { ...p, price: Math.max(0, price * (1 + (Number.isFinite(shockPct) ? shockPct : 0) / 100)), qty };
    });
    return evaluateAccount({ ...input, positions }, params);
  }, [input, edits, shockPct, params]);
  const invalid = Object.values(edits).some((e) => parse(e.price) === null || parse(e.qty) === null);
  const row = (label: string, now: string, then: string) => (
    <tr>
      <th scope="row">{label}</th>
      <td className="num">{now}</td>
      <td className="num">{then}</td>
    </tr>
  );
  const ml = (r: AccountResult) => (r.marginLevel === null ? "—" : fmt.number(r.marginLevel, 3));
  return (
    <section className="panel" aria-labelledby="whatif-title">
      <div className="panel-head">
        <h2 id="whatif-title">{t("risk.whatIf.title")}</h2>
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            setEdits(initial());
            setShock("0");
          }}
        >
          {t("risk.whatIf.reset")}
        </button>
      </div>
      <p className="muted small">{t("risk.whatIf.hint")}</p>
      <label className="inline-field">
        {t("risk.whatIf.shock")} (%)
        <input
          className={styles.numInput}
          type="number"
          step="1"
          value={shock}
          onChange={(e) => setShock(e.target.value)}
        />
      </label>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t("risk.account.symbol")}</th>
            <th scope="col" className="num">
              {t("risk.whatIf.newPrice")}
            </th>
            <th scope="col" className="num">
              {t("risk.whatIf.newQty")}
            </th>
          </tr>
        </thead>
        <tbody>
          {input.positions.map((p) => (
            <tr key={p.symbol}>
              <td className="mono">{p.symbol}</td>
              <td className="num">
                <input
                  className={styles.numInput}
                  type="number"
                  min="0"
                  step="0.01"
                  aria-label={`${t("risk.whatIf.newPrice")} ${p.symbol}`}
                  value={edits[p.symbol]?.price ?? ""}
                  onChange={(e) =>
                    setEdits({ ...edits, [p.symbol]: { price: e.target.value, qty: edits[p.symbol]?.qty ?? "" } })
                  }
                />
              </td>
              <td className="num">
                <input
                  className={styles.numInput}
                  type="number"
                  min="0"
                  step="100"
                  aria-label={`${t("risk.whatIf.newQty")} ${p.symbol}`}
                  value={edits[p.symbol]?.qty ?? ""}
                  onChange={(e) =>
                    setEdits({ ...edits, [p.symbol]: { price: edits[p.symbol]?.price ?? "", qty: e.target.value } })
                  }
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {invalid && (
        <p role="alert" className="form-error">
          {t("risk.whatIf.invalid")}
        </p>
      )}
      <table className="table" data-testid="what-if-result">
        <thead>
          <tr>
            <th scope="col">{t("risk.whatIf.result")}</th>
            <th scope="col" className="num">
              {t("risk.whatIf.current")}
            </th>
            <th scope="col" className="num">
              {t("risk.whatIf.scenario")}
            </th>
          </tr>
        </thead>
        <tbody>
          {row(t("risk.fig.marketValue"), fmt.money(current.marketValue), fmt.money(scenario.marketValue))}
          {row(t("risk.fig.equity"), fmt.money(current.equity), fmt.money(scenario.equity))}
          {row(t("risk.fig.mm"), fmt.money(current.maintenanceMargin), fmt.money(scenario.maintenanceMargin))}
          {row(t("risk.fig.ml"), ml(current), ml(scenario))}
          <tr>
            <th scope="row">{t("risk.fig.status")}</th>
            <td className="num">
              <StatusBadge status={current.status} />
            </td>
            <td className="num" data-testid="what-if-status">
              <StatusBadge status={scenario.status} />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}
