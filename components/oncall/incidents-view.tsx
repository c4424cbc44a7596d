"use client";
// The on-call page: open incidents (or all) with who is paged now, when it escalates, and the
// acknowledge / resolve actions behind the app's confirmation dialog. A row opens its pages and
// deliveries. Refreshes every 10 s.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";

type Action = { kind: "ack" | "resolve"; id: string; title: string };

export function IncidentsView({ canAct, focus = null }: { canAct: boolean; focus?: string | null }) {
  const { t, fmt, locale } = useI18n();
  // Incidents carry English and Chinese texts; ones opened before the Chinese existed show English.
  const inLocale = (en: string, zh: string) => (locale === "zh-CN" && zh ? zh : en);
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [scope, setScope] = useState<"open" | "all">("open");
  const [only, setOnly] = useState<string | null>(focus);
  const [action, setAction] = useState<Action | null>(null);
  const [note, setNote] = useState("");
  const [expanded, setExpanded] = useState<string | null>(null);
  const list = useQuery({
    ...trpc.oncall.incidents.queryOptions({ scope, take: 100, ...(only ? { id: only } : {}) }),
    refetchInterval: useChangePoll(10_000),
  });
  const detail = useQuery({ ...trpc.oncall.incident.queryOptions({ id: expanded ?? "" }), enabled: expanded !== null });
  const onSuccess = () => {
    setAction(null);
    setNote("");
    void qc.invalidateQueries({ queryKey: trpc.oncall.incidents.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.oncall.incident.pathKey() });
  };
  const ack = useMutation(trpc.oncall.acknowledge.mutationOptions({ onSuccess }));
  const resolve = useMutation(trpc.oncall.resolve.mutationOptions({ onSuccess }));
  const busy = ack.isPending || resolve.isPending;
  const error = (action?.kind === "ack" ? ack.error : resolve.error)?.message ?? null;

  return (
    <section className="panel" aria-labelledby="incidents-title">
      <div className="panel-head">
        <h2 id="incidents-title">{t("oncall.incidents.title")}</h2>
        <div role="group">
          {only && (
            <button type="button" className="btn btn-ghost" onClick={() => setOnly(null)}>
              {t("oncall.incidents.showAll")}
            </button>
          )}
          {(["open", "all"] as const).map((s) => (
            <button
              key={s}
              type="button"
              className={`btn ${!only && scope === s ? "btn-primary" : "btn-ghost"}`}
              aria-pressed={!only && scope === s}
              onClick={() => {
                setOnly(null);
                setScope(s);
              }}
            >
              {t(`oncall.incidents.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.isError && (
        <p role="alert" className="form-error">
          {list.error.message}
        </p>
      )}
      {list.data?.length === 0 && <p className="muted">{t("oncall.incidents.empty")}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="incidents">
          <thead>
            <tr>
              <th scope="col">{t("oncall.incidents.when")}</th>
              <th scope="col">{t("oncall.incidents.what")}</th>
              <th scope="col">{t("oncall.incidents.severity")}</th>
              <th scope="col">{t("oncall.incidents.status")}</th>
              <th scope="col">{t("oncall.incidents.who")}</th>
              <th scope="col" className="num">
                {t("oncall.incidents.repeats")}
              </th>
              <th scope="col">{t("oncall.incidents.escalates")}</th>
              <th scope="col" className="actions" />
            </tr>
          </thead>
          <tbody>
            {list.data.map((i) => (
              <tr key={i.id} data-testid={`incident-${i.status}`}>
                <td>{fmt.dateTime(i.firstAt)}</td>
                <td>
                  <button
                    type="button"
                    className="btn btn-ghost"
                    aria-expanded={expanded === i.id}
                    onClick={() => setExpanded(expanded === i.id ? null : i.id)}
                  >
                    {inLocale(i.title, i.titleZh)}
                  </button>
                  <div className="muted">{inLocale(i.detail, i.detailZh)}</div>
                  <div className="muted">
                    {t(`oncall.kind.${i.kind.replace(".", "_")}` as "oncall.kind.oncall_drill")} ·{" "}
                    <a href={i.link}>{t("oncall.incidents.object")}</a>
                  </div>
                </td>
                <td>{t(`oncall.severity.${i.severity}` as "oncall.severity.INFO")}</td>
                <td>
                  {t(`oncall.status.${i.status}` as "oncall.status.OPEN")}
                  {i.acknowledgedBy && (
                    <div className="muted">
                      {t("oncall.incidents.ackedBy", {
                        who: i.acknowledgedBy,
                        via: t(
                          `oncall.incidents.via.${i.acknowledgedVia ?? "CONSOLE"}` as "oncall.incidents.via.CONSOLE",
                        ),
                      })}
                    </div>
                  )}
                </td>
                <td>{i.onCall ?? t("oncall.incidents.never")}</td>
                <td className="num">{fmt.integer(i.occurrences)}</td>
                <td>{i.nextEscalationAt ? fmt.time(i.nextEscalationAt) : t("oncall.incidents.never")}</td>
                <td className="actions">
                  {canAct && i.status === "OPEN" && (
                    <button
                      type="button"
                      className="btn btn-primary"
                      onClick={() => setAction({ kind: "ack", id: i.id, title: inLocale(i.title, i.titleZh) })}
                    >
                      {t("oncall.incidents.acknowledge")}
                    </button>
                  )}
                  {canAct && i.status !== "RESOLVED" && (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => setAction({ kind: "resolve", id: i.id, title: inLocale(i.title, i.titleZh) })}
                    >
                      {t("oncall.incidents.resolve")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {expanded && detail.data && (
        <div className="stack" aria-live="polite">
          <h3>
            {t("oncall.incidents.detail")}: {inLocale(detail.data.title, detail.data.titleZh)}
          </h3>
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("oncall.incidents.when")}</th>
                <th scope="col">{t("oncall.pages.level")}</th>
                <th scope="col">{t("oncall.incidents.who")}</th>
                <th scope="col">{t("oncall.pages.delivery")}</th>
              </tr>
            </thead>
            <tbody>
              {detail.data.pages.map((p) => (
                <tr key={p.id}>
                  <td>{fmt.dateTime(p.at)}</td>
                  <td>
                    {p.level} · {t(`oncall.pages.reason.${p.reason}` as "oncall.pages.reason.FIRST")}
                  </td>
                  <td>
                    {p.person} ({t(`oncall.role.${p.role}` as "oncall.role.RISK")})
                  </td>
                  <td>
                    {p.deliveries
                      .map(
                        (d) =>
                          `${d.kind} ${d.status}${d.attempts > 1 ? ` (${t("oncall.pages.attempts", { n: d.attempts })})` : ""}${d.lastError ? `: ${d.lastError}` : ""}`,
                      )
                      .join(" · ")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={action !== null}
        title={t(action?.kind === "resolve" ? "oncall.incidents.resolveTitle" : "oncall.incidents.ackTitle")}
        body={`${action?.title ?? ""} — ${t(action?.kind === "resolve" ? "oncall.incidents.resolveBody" : "oncall.incidents.ackBody")}`}
        confirmLabel={t(action?.kind === "resolve" ? "oncall.incidents.resolve" : "oncall.incidents.acknowledge")}
        cancelLabel={t("common.cancel")}
        busy={busy}
        error={error}
        onCancel={() => {
          setAction(null);
          ack.reset();
          resolve.reset();
        }}
        onConfirm={() => {
          if (!action) return;
          if (action.kind === "ack") ack.mutate({ id: action.id });
          else resolve.mutate({ id: action.id, note });
        }}
      >
        {action?.kind === "resolve" && (
          <label>
            {t("oncall.incidents.note")}
            <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} required minLength={3} />
          </label>
        )}
      </ConfirmDialog>
    </section>
  );
}
