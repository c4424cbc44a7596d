"use client";
// Audit trail: newest first, filters, paging, and the hash-chain verification button (A1).
import { keepPreviousData, useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Pager, useCursorPages } from "../ui/pager";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function AuditView() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const [action, setAction] = useState("");
  const [actor, setActor] = useState("");
  const pages = useCursorPages<number>();
  const beforeId = pages.cursor;
  const q = useQuery({
    ...trpc.audit.list.queryOptions({
      action: action || undefined,
      actorEmail: actor || undefined,
      beforeId,
      limit: 50,
    }),
    placeholderData: keepPreviousData,
  });
  const verify = useMutation(trpc.audit.verify.mutationOptions());
  return (
    <section className="panel">
      <div className="panel-head">
        <h1>{t("audit.title")}</h1>
        <button type="button" className="btn btn-primary" onClick={() => verify.mutate()} disabled={verify.isPending}>
          {verify.isPending ? t("audit.verifying") : t("audit.verify")}
        </button>
      </div>
      {verify.data && (
        <p role="status" className={verify.data.ok ? "ok-banner" : "form-error"} data-testid="verify-result">
          {verify.data.ok
            ? t("audit.ok", { count: fmt.integer(verify.data.checked) })
            : t("audit.broken", { id: verify.data.firstBrokenId ?? "?", count: fmt.integer(verify.data.checked) })}
        </p>
      )}
      {verify.error && (
        <p role="alert" className="form-error">
          {verify.error.message}
        </p>
      )}
      <div className="filters">
        <label className="inline-field">
          {t("audit.filterAction")}
          <input
            value={action}
            onChange={(e) => {
              setAction(e.target.value);
              pages.reset();
            }}
            placeholder="auth."
          />
        </label>
        <label className="inline-field">
          {t("audit.filterActor")}
          <input
            value={actor}
            onChange={(e) => {
              setActor(e.target.value);
              pages.reset();
            }}
          />
        </label>
      </div>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && q.data.items.length === 0 && <p className="muted">{t("audit.none")}</p>}
      {q.data && q.data.items.length > 0 && (
        <table className="table">
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
            {q.data.items.map((e) => (
              <tr key={e.id} tabIndex={0}>
                <td className="num mono">{e.id}</td>
                <td className="mono">{fmt.dateTime(e.ts)}</td>
                <td>{e.actorEmail ?? t("audit.system")}</td>
                <td className="mono">{e.action}</td>
                <td className="mono">
                  {e.targetType ? `${e.targetType}${e.targetId ? `:${e.targetId.slice(0, 10)}` : ""}` : "—"}
                </td>
                <td className="mono small">{e.after ? JSON.stringify(e.after) : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager pages={pages} next={q.data?.nextBeforeId} nextLabel={t("audit.older")} />
    </section>
  );
}
