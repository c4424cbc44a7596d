"use client";
// System status for ADMIN (and AUDITOR, read-only): database, feed and engine.
import { useQuery } from "@tanstack/react-query";
import { LastTick } from "../desk/engine-status-panel";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { Fact } from "../ui/fact";

export function SystemView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.admin.system.queryOptions(), refetchInterval: 30_000 });
  const e = q.data?.engine;
  return (
    <section className="panel">
      <h1>{t("system.title")}</h1>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && (
        <dl className="facts vertical">
          <Fact label={t("system.database")}>
            {q.data.db === "pglite" ? "PGlite (embedded, .data/)" : "PostgreSQL"}
          </Fact>
          <Fact label={t("system.feed")}>{t("system.simulator")}</Fact>
          <Fact label={t("system.engine")}>{e?.running ? t("system.running") : t("system.stopped")}</Fact>
          {e && (
            <>
              <Fact label={t("system.speed")}>×{e.speed}</Fact>
              <Fact label={t("system.simTime")}>{fmt.dateTime(e.simTime)}</Fact>
              <Fact label={t("system.symbols")}>{fmt.integer(e.symbols)}</Fact>
              <Fact label={t("desk.lastTick")}>
                <LastTick status={e} withDate />
              </Fact>
              <Fact label={t("system.lastError")}>{e.lastError ?? t("system.none")}</Fact>
            </>
          )}
        </dl>
      )}
    </section>
  );
}
