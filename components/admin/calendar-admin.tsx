"use client";
// Bank and exchange calendars (ADMIN amends, AUDITOR reads): a year's listed days with their
// source, a form to add or change a day, and removal with an inline confirmation and a reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

type CalendarName = "BANK" | "EXCHANGE";

export function CalendarAdmin({ canManage }: { canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [calendar, setCalendar] = useState<CalendarName>("BANK");
  const [year, setYear] = useState(() => new Date().getFullYear());
  const [removing, setRemoving] = useState<string | null>(null);
  const [reason, setReason] = useState("");
  const [notice, setNotice] = useState<string | null>(null);
  const q = useQuery(trpc.calendar.year.queryOptions({ calendar, year }));
  const invalidate = () => qc.invalidateQueries({ queryKey: trpc.calendar.year.queryKey() });
  const setDay = useMutation(
    trpc.calendar.setDay.mutationOptions({
      onSuccess: (d) => (setNotice(t("calendar.saved", { date: d.date })), invalidate()),
    }),
  );
  const removeDay = useMutation(
    trpc.calendar.removeDay.mutationOptions({
      onSuccess: (d) => (
        setNotice(t("calendar.removed", { date: d.date })),
        setRemoving(null),
        setReason(""),
        invalidate()
      ),
    }),
  );

  function onAdd(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const kind = f.get("kind") === "WORKDAY" ? "WORKDAY" : "HOLIDAY";
    setDay.mutate({ calendar, date: String(f.get("date")), kind, name: String(f.get("name")) });
  }

  const years = q.data?.packageYears ?? [];
  const error = q.error ?? setDay.error ?? removeDay.error;
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("calendar.title")}</h1>
        <p className="muted">{t("calendar.intro")}</p>
        <div className="row">
          <label>
            {t("calendar.calendar")}{" "}
            <select
              value={calendar}
              onChange={(e) => setCalendar(e.target.value === "EXCHANGE" ? "EXCHANGE" : "BANK")}
              data-testid="calendar-select"
            >
              <option value="BANK">{t("calendar.BANK")}</option>
              <option value="EXCHANGE">{t("calendar.EXCHANGE")}</option>
            </select>
          </label>{" "}
          <label>
            {t("calendar.year")}{" "}
            <input
              type="number"
              min={2000}
              max={2100}
              value={year}
              onChange={(e) => setYear(Number(e.target.value) || year)}
              data-testid="calendar-year"
            />
          </label>
        </div>
        {q.data && (
          <p className="muted small">
            {q.data.seededFrom
              ? t("calendar.seeded", { source: q.data.seededFrom })
              : t("calendar.notSeeded", { from: years[0] ?? "—", to: years[years.length - 1] ?? "—" })}{" "}
            · {t("calendar.count", { n: q.data.days.length })}
          </p>
        )}
        {notice && <p role="status">{notice}</p>}
        {error && (
          <p role="alert" className="form-error">
            {error.message}
          </p>
        )}
        {q.isPending && <p className="muted">{t("common.loading")}</p>}
        {q.data && q.data.days.length === 0 && <p className="muted">{t("calendar.none")}</p>}
        {q.data && q.data.days.length > 0 && (
          <table className="table" data-testid="calendar-days">
            <thead>
              <tr>
                <th>{t("calendar.date")}</th>
                <th>{t("calendar.kind")}</th>
                <th>{t("calendar.name")}</th>
                <th>{t("calendar.source")}</th>
                <th>{t("calendar.updated")}</th>
                {canManage && <th />}
              </tr>
            </thead>
            <tbody>
              {q.data.days.map((d) => (
                <tr key={d.date} data-testid={`day-${d.date}`}>
                  <td className="mono">{d.date}</td>
                  <td>{t(`calendar.${d.kind === "WORKDAY" ? "WORKDAY" : "HOLIDAY"}`)}</td>
                  <td>{d.name}</td>
                  <td>{d.source}</td>
                  <td className="muted small">{fmt.dateTime(new Date(d.updatedAt))}</td>
                  {canManage && (
                    <td>
                      {removing === d.date ? (
                        <form
                          className="row"
                          onSubmit={(e) => (e.preventDefault(), removeDay.mutate({ calendar, date: d.date, reason }))}
                          aria-label={t("calendar.confirmRemove", {
                            date: d.date,
                            calendar: t(`calendar.${calendar}`),
                          })}
                        >
                          <span>
                            {t("calendar.confirmRemove", { date: d.date, calendar: t(`calendar.${calendar}`) })}
                          </span>
                          <input
                            required
                            minLength={3}
                            value={reason}
                            onChange={(e) => setReason(e.target.value)}
                            placeholder={t("calendar.reasonHint")}
                            aria-label={t("calendar.reason")}
                          />
                          <button type="submit" className="btn btn-danger" disabled={removeDay.isPending}>
                            {t("calendar.confirm")}
                          </button>
                          <button type="button" className="btn" onClick={() => setRemoving(null)}>
                            {t("calendar.cancel")}
                          </button>
                        </form>
                      ) : (
                        <button type="button" className="btn" onClick={() => (setRemoving(d.date), setReason(""))}>
                          {t("calendar.remove")}
                        </button>
                      )}
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canManage && (
        <section className="panel">
          <h2>{t("calendar.add")}</h2>
          <form className="row" onSubmit={onAdd}>
            <label>
              {t("calendar.date")} <input name="date" type="date" required />
            </label>
            <label>
              {t("calendar.kind")}{" "}
              <select name="kind" defaultValue="HOLIDAY">
                <option value="HOLIDAY">{t("calendar.HOLIDAY")}</option>
                {calendar === "BANK" && <option value="WORKDAY">{t("calendar.WORKDAY")}</option>}
              </select>
            </label>
            <label>
              {t("calendar.name")} <input name="name" required minLength={2} maxLength={100} />
            </label>
            <button type="submit" className="btn btn-primary" disabled={setDay.isPending}>
              {t("calendar.save")}
            </button>
          </form>
        </section>
      )}
    </div>
  );
}
