"use client";
// System status for ADMIN: database, engine and feed.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function SystemView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.admin.system.queryOptions(), refetchInterval: 5_000 });
  const e = q.data?.engine;
  return (
    <section className="panel">
      <h1>{t("system.title")}</h1>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && <p role="alert" className="form-error">{q.error.message}</p>}
      {q.data && (
        <dl className="facts vertical">
          <div>
            <dt>{t("system.database")}</dt>
            <dd>{q.data.db === "pglite" ? "PGlite (embedded, .data/)" : "PostgreSQL"}</dd>
          </div>
          <div>
            <dt>{t("system.feed")}</dt>
            <dd>{t("system.simulator")}</dd>
          </div>
          <div>
            <dt>{t("system.engine")}</dt>
            <dd>{e?.running ? t("system.running") : t("system.stopped")}</dd>
          </div>
          {e && (
            <>
              <div>
                <dt>{t("system.speed")}</dt>
                <dd>×{e.speed}</dd>
              </div>
              <div>
                <dt>{t("system.simTime")}</dt>
                <dd>{fmt.dateTime(e.simTime)}</dd>
              </div>
              <div>
                <dt>{t("system.symbols")}</dt>
                <dd>{fmt.integer(e.symbols)}</dd>
              </div>
              <div>
                <dt>{t("desk.lastTick")}</dt>
                <dd>
                  {e.lastTickAt ? fmt.dateTime(e.lastTickAt) : t("common.never")}
                  {e.lastTickMs !== null ? ` · ${t("desk.tickTook", { ms: fmt.number(e.lastTickMs, 1) })}` : ""}
                </dd>
              </div>
              <div>
                <dt>{t("system.lastError")}</dt>
                <dd>{e.lastError ?? t("system.none")}</dd>
              </div>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
