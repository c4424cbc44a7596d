"use client";
// Audit trail (A1) as a person reads it: who (name, email, and the API token when one acted), what,
// on which object (full id with copy, a link to the account), and the change as rows of
// before -> after. Filters by action, actor, target and a time range; the filtered range exports as
// CSV; the chain is verified from here and a break is shown as its event.
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { Fragment, useState } from "react";
import { downloadText } from "../payments/download";
import { Pager, useCursorPages } from "../ui/pager";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ChangeRows, CopyId } from "./audit-parts";

/** The console shows Beijing time (UTC+8, no daylight saving): a datetime-local value is read as such. */
function beijingInputToMs(value: string): number | undefined {
  if (!value) return undefined;
  const ms = Date.parse(`${value}:00+08:00`);
  return Number.isFinite(ms) ? ms : undefined;
}

interface Filters {
  action: string;
  actor: string;
  targetType: string;
  targetId: string;
  from: string;
  to: string;
}
const EMPTY: Filters = { action: "", actor: "", targetType: "", targetId: "", from: "", to: "" };

function toQuery(f: Filters) {
  return {
    action: f.action.trim() || undefined,
    actor: f.actor.trim() || undefined,
    targetType: f.targetType.trim() || undefined,
    targetId: f.targetId.trim() || undefined,
    from: beijingInputToMs(f.from),
    to: beijingInputToMs(f.to),
  };
}

export function AuditView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const [filters, setFilters] = useState<Filters>(EMPTY);
  const [open, setOpen] = useState<ReadonlySet<number>>(new Set());
  const pages = useCursorPages<number>();
  const query = toQuery(filters);
  const q = useQuery({
    ...trpc.audit.list.queryOptions({ ...query, beforeId: pages.cursor, limit: 50 }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation(trpc.audit.verify.mutationOptions());
  const exportCsv = useMutation(
    trpc.audit.exportCsv.mutationOptions({
      onSuccess: (res) => downloadText(`audit-trail-${new Date().toISOString().slice(0, 10)}.csv`, res.csv),
    }),
  );

  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setFilters((f) => ({ ...f, [key]: e.target.value }));
    pages.reset();
  };
  const toggle = (id: number) =>
    setOpen((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  /** Shows one event at the top of the list: the page of events up to and including it. */
  const showEvent = (id: number) => {
    setFilters(EMPTY);
    pages.reset();
    pages.forward(id + 1);
    setOpen(new Set([id]));
  };

  return (
    <section className="panel">
      <div className="panel-head">
        <h1>{t("audit.title")}</h1>
        <div className="actions">
          <button
            type="button"
            className="btn"
            onClick={() => exportCsv.mutate(query)}
            disabled={exportCsv.isPending}
            data-testid="audit-export"
          >
            {exportCsv.isPending ? t("audit.exporting") : t("audit.export")}
          </button>
          <button type="button" className="btn btn-primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
            {verify.isPending ? t("audit.verifying") : t("audit.verify")}
          </button>
        </div>
      </div>
      {verify.data && (
        <p role="status" className={verify.data.ok ? "ok-banner" : "form-error"} data-testid="verify-result">
          {verify.data.ok
            ? t("audit.ok", { count: fmt.integer(verify.data.checked) })
            : t("audit.broken", { id: verify.data.firstBrokenId ?? "?", count: fmt.integer(verify.data.checked) })}
          {!verify.data.ok && verify.data.firstBrokenId !== null && (
            <button
              type="button"
              className="btn btn-ghost"
              onClick={() => verify.data?.firstBrokenId != null && showEvent(verify.data.firstBrokenId)}
            >
              {t("audit.showBroken")}
            </button>
          )}
        </p>
      )}
      {(verify.error ?? exportCsv.error) && (
        <p role="alert" className="form-error">
          {(verify.error ?? exportCsv.error)?.message}
        </p>
      )}
      {exportCsv.data && (
        <p role="status" className="muted">
          {t("audit.exported", { count: fmt.integer(exportCsv.data.rows) })}
        </p>
      )}
      <div className="filters">
        <label className="inline-field">
          {t("audit.filterAction")}
          <input value={filters.action} onChange={set("action")} placeholder="auth." />
        </label>
        <label className="inline-field">
          {t("audit.filterActor")}
          <input value={filters.actor} onChange={set("actor")} />
        </label>
        <label className="inline-field">
          {t("audit.filterTargetType")}
          <input value={filters.targetType} onChange={set("targetType")} placeholder="Account" />
        </label>
        <label className="inline-field">
          {t("audit.filterTargetId")}
          <input value={filters.targetId} onChange={set("targetId")} className="mono" />
        </label>
        <label className="inline-field">
          {t("audit.from")}
          <input type="datetime-local" value={filters.from} onChange={set("from")} />
        </label>
        <label className="inline-field">
          {t("audit.to")}
          <input type="datetime-local" value={filters.to} onChange={set("to")} />
        </label>
        {Object.values(filters).some(Boolean) && (
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setFilters(EMPTY);
              pages.reset();
            }}
          >
            {t("audit.clear")}
          </button>
        )}
      </div>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.items.length === 0 && <p className="muted">{t("audit.none")}</p>}
      {q.data && q.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="audit-table">
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("audit.id")}
                </th>
                <th scope="col">{t("audit.time")}</th>
                <th scope="col">{t("audit.actor")}</th>
                <th scope="col">{t("audit.action")}</th>
                <th scope="col">{t("audit.target")}</th>
                <th scope="col">{t("audit.details")}</th>
              </tr>
            </thead>
            <tbody>
              {q.data.items.map((e) => {
                const changed = e.changes.filter((c) => c.kind !== "same").length;
                const expanded = open.has(e.id);
                return (
                  <Fragment key={e.id}>
                    <tr data-testid={`audit-row-${e.id}`}>
                      <td className="num mono">{e.id}</td>
                      <td className="mono nowrap">{fmt.dateTime(e.ts)}</td>
                      <td>
                        {e.actorEmail ? (
                          <>
                            <div>{e.actorName ?? e.actorEmail}</div>
                            {e.actorName && <div className="muted small">{e.actorEmail}</div>}
                          </>
                        ) : (
                          <span className="muted">{t("audit.system")}</span>
                        )}
                        {e.viaToken && (
                          <div className="small" data-testid="via-token">
                            {t("audit.viaToken", { name: e.viaToken.name })}
                          </div>
                        )}
                      </td>
                      <td className="mono">{e.action}</td>
                      <td>
                        {e.targetType ? (
                          <>
                            <div>{e.targetType}</div>
                            {e.targetId && (
                              <div className="nowrap">
                                {e.targetType === "Account" ? (
                                  <Link href={`/accounts/${encodeURIComponent(e.targetId)}`} className="mono small">
                                    {e.targetId}
                                  </Link>
                                ) : (
                                  <span className="mono small">{e.targetId}</span>
                                )}
                                <CopyId value={e.targetId} />
                              </div>
                            )}
                          </>
                        ) : (
                          "—"
                        )}
                      </td>
                      <td>
                        {e.changes.length === 0 ? (
                          <span className="muted">—</span>
                        ) : (
                          <button
                            type="button"
                            className="btn btn-ghost"
                            aria-expanded={expanded}
                            aria-controls={`audit-change-${e.id}`}
                            onClick={() => toggle(e.id)}
                          >
                            {expanded
                              ? t("audit.hideChange")
                              : t("audit.showChange", { count: fmt.integer(changed || e.changes.length) })}
                          </button>
                        )}
                      </td>
                    </tr>
                    {expanded && (
                      <tr id={`audit-change-${e.id}`} className="audit-change-row">
                        <td colSpan={6}>
                          <ChangeRows rows={e.changes} hash={e.hash} />
                        </td>
                      </tr>
                    )}
                  </Fragment>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      <Pager pages={pages} next={q.data?.nextBeforeId} nextLabel={t("audit.older")} />
    </section>
  );
}
