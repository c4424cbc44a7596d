"use client";
// Per-position margin (R2): value, the rate m_i with its volatility and size multipliers, the
// maintenance amount and the maximum leverage for new buys (1 / im_i).
import type { PositionInput, PositionResult } from "@/server/risk/margin/margin-model";
import { useI18n } from "../i18n/i18n-provider";

export function PositionsMarginTable({
  inputs,
  results,
  names,
}: {
  inputs: PositionInput[];
  results: PositionResult[];
  names: Record<string, { name: string }>;
}) {
  const { t, fmt } = useI18n();
  return (
    <table className="table" data-testid="positions">
      <thead>
        <tr>
          <th scope="col">{t("risk.account.symbol")}</th>
          <th scope="col" className="num">
            {t("risk.account.qty")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.price")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.value")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.share")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.volMult")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.sizeMult")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.rate")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.margin")}
          </th>
          <th scope="col" className="num">
            {t("risk.account.maxLev")}
          </th>
        </tr>
      </thead>
      <tbody>
        {results.map((p, i) => (
          <tr key={p.symbol} tabIndex={0}>
            <td>
              <a href={`/desk?symbol=${encodeURIComponent(p.symbol)}`} className="mono">
                {p.symbol}
              </a>{" "}
              <span className="muted">{names[p.symbol]?.name ?? ""}</span>
            </td>
            <td className="num">{fmt.integer(inputs[i]?.qty ?? 0)}</td>
            <td className="num">{fmt.price(inputs[i]?.price ?? 0)}</td>
            <td className="num">{fmt.money(p.marketValue)}</td>
            <td className="num">
              {Number.isFinite(p.shareOfAdv) ? fmt.percent(p.shareOfAdv).replace(/^\+/, "") : "—"}
            </td>
            <td className={`num ${p.volMultiplier > 1 ? "up" : ""}`}>{fmt.number(p.volMultiplier, 2)}</td>
            <td className="num">{fmt.number(p.sizeMultiplier, 2)}</td>
            <td className="num">{fmt.percent(p.m).replace(/^\+/, "")}</td>
            <td className="num">{fmt.money(p.mm)}</td>
            <td className="num">{fmt.number(p.maxLeverage, 2)}×</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
