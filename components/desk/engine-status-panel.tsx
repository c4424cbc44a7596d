"use client";
// Engine health at a glance: clock, regime, last minute close and how long it took.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function EngineStatusPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.market.status.queryOptions(), refetchInterval: 5_000 });
  const s = status.data;
  return (
    <section className="panel" aria-labelledby="engine-title">
      <h2 id="engine-title">{t("desk.engine")}</h2>
      {status.isPending && <p className="muted">{t("common.loading")}</p>}
      {status.isSuccess && !s && <p className="muted">{t("desk.engineOff")}</p>}
      {s && (
        <dl className="facts vertical" data-testid="engine-status">
          <div>
            <dt>{t("desk.clock")}</dt>
            <dd>
              {fmt.dateTime(s.simTime)} (×{s.speed})
            </dd>
          </div>
          <div>
            <dt>{t("desk.regime")}</dt>
            <dd className={s.regime === "STRESSED" ? "down" : undefined}>{t(s.regime === "STRESSED" ? "regime.STRESSED" : "regime.CALM")}</dd>
          </div>
          <div>
            <dt>{t("desk.lastTick")}</dt>
            <dd>
              {s.lastTickAt ? fmt.time(s.lastTickAt) : t("common.never")}
              {s.lastTickMs !== null ? ` · ${t("desk.tickTook", { ms: fmt.number(s.lastTickMs, 1) })}` : ""}
            </dd>
          </div>
          <div>
            <dt>{t("desk.minutes")}</dt>
            <dd>{fmt.integer(s.minutesClosed)}</dd>
          </div>
        </dl>
      )}
    </section>
  );
}
