"use client";
// Engine health at a glance: clock, regime, last minute close and how long it took.
import { useQuery } from "@tanstack/react-query";
import type { EngineStatus } from "@/server/engine/market-engine";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { Fact } from "../ui/fact";

/** "14:05 · 20.0 ms", or "never" before the first minute close. */
export function LastTick({ status, withDate = false }: { status: EngineStatus; withDate?: boolean }) {
  const { t, fmt } = useI18n();
  if (!status.lastTickAt) return <>{t("common.never")}</>;
  const at = withDate ? fmt.dateTime(status.lastTickAt) : fmt.time(status.lastTickAt);
  const took = status.lastTickMs !== null ? ` · ${t("desk.tickTook", { ms: fmt.number(status.lastTickMs, 1) })}` : "";
  return <>{at + took}</>;
}

export function EngineStatusPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.market.status.queryOptions(), refetchInterval: 30_000 });
  const s = status.data;
  return (
    <section className="panel" aria-labelledby="engine-title">
      <h2 id="engine-title">{t("desk.engine")}</h2>
      {status.isPending && <p className="muted">{t("common.loading")}</p>}
      {status.isError && (
        <p role="alert" className="form-error">
          {status.error.message}
        </p>
      )}
      {status.isSuccess && !s && <p className="muted">{t("desk.engineOff")}</p>}
      {s && (
        <dl className="facts vertical" data-testid="engine-status">
          <Fact label={t("desk.clock")}>
            {fmt.dateTime(s.simTime)} (×{s.speed})
          </Fact>
          <Fact label={t("desk.regime")} className={s.regime === "STRESSED" ? "down" : undefined}>
            {t(s.regime === "STRESSED" ? "regime.STRESSED" : "regime.CALM")}
          </Fact>
          <Fact label={t("desk.lastTick")}>
            <LastTick status={s} />
          </Fact>
          <Fact label={t("desk.minutes")}>{fmt.integer(s.minutesClosed)}</Fact>
        </dl>
      )}
    </section>
  );
}
