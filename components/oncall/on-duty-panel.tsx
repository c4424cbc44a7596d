"use client";
// Who is on duty now for each role, first position first, with the handover note of the shift.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";

export function OnDutyPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({ ...trpc.oncall.onDuty.queryOptions(), refetchInterval: useChangePoll(60_000) });
  return (
    <section className="panel" aria-labelledby="on-duty-title" data-testid="on-duty">
      <div className="panel-head">
        <h2 id="on-duty-title">{t("oncall.onDuty.title")}</h2>
      </div>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && (
        <ul className="stack" style={{ listStyle: "none", padding: 0, margin: 0 }}>
          {q.data.map((r) => (
            <li key={r.role}>
              <strong>{t(`oncall.role.${r.role}`)}</strong>:{" "}
              {r.people.length === 0 ? (
                <span className="muted" data-testid={`nobody-${r.role}`}>
                  {t("oncall.onDuty.nobody", { role: t(`oncall.role.${r.role}`) })}
                </span>
              ) : (
                r.people.map((p, i) => (
                  <span key={p.shiftId}>
                    {i > 0 && " · "}
                    {p.name}{" "}
                    <span className="muted">
                      ({t(p.position === 1 ? "oncall.onDuty.first" : "oncall.onDuty.next")},{" "}
                      {t("oncall.onDuty.until", { time: fmt.dateTime(p.endsAt) })})
                    </span>
                    {p.handoverNote && (
                      <span className="muted"> — {t("oncall.onDuty.handover", { note: p.handoverNote })}</span>
                    )}
                  </span>
                ))
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
