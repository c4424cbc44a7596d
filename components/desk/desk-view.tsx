"use client";
// The desk: symbol chooser (combobox), live interval chart and the engine's status.
import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter } from "next/navigation";
import { useI18n } from "../i18n/i18n-provider";
import { useErrorText } from "../i18n/use-error-text";
import { DeskRiskPanel } from "../risk/desk-risk-panel";
import { AlertsFeedPanel } from "../market/alerts-feed-panel";
import { useTRPC } from "../trpc/react";
import { EngineStatusPanel } from "./engine-status-panel";
import { LiveChartPanel } from "./live-chart-panel";
import { SymbolChooser } from "./symbol-chooser";
import { OnDutyPanel } from "../oncall/on-duty-panel";

export function DeskView({ symbol }: { symbol: string | null }) {
  const { t } = useI18n();
  const errText = useErrorText();
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const symbols = useQuery({ ...trpc.market.symbols.queryOptions(), staleTime: 300_000 });
  const list = symbols.data ?? [];
  const current = list.find((s) => s.code === symbol) ?? list.find((s) => !s.suspended) ?? null;

  return (
    <div className="desk">
      <div className="desk-toolbar">
        <h1>{t("desk.title")}</h1>
        <SymbolChooser
          symbols={list}
          value={current?.code ?? null}
          disabled={!symbols.isSuccess}
          onChoose={(code) => router.replace(`${pathname}?symbol=${encodeURIComponent(code)}`)}
        />
        {current && (
          <span className="muted">
            {current.name} · {current.sector} · {t(`boards.${current.board}`)}
          </span>
        )}
      </div>
      {symbols.isPending && <p className="muted">{t("common.loading")}</p>}
      {symbols.isError && (
        <p role="alert" className="form-error">
          {errText(symbols.error)}
        </p>
      )}
      {symbols.isSuccess && list.length === 0 && <p className="muted">{t("common.empty")}</p>}
      <div className="desk-grid">
        {current && <LiveChartPanel key={current.code} symbol={current.code} prevClose={current.prevClose} />}
        <EngineStatusPanel />
        <OnDutyPanel />
        <AlertsFeedPanel />
        <DeskRiskPanel />
      </div>
    </div>
  );
}
