"use client";
// ADMIN edits the duty roster: add a standard Asia/Shanghai shift for a person and position, write
// the handover note, remove a shift (after the app's confirmation). Shows the next 7 days.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

const ROLES = ["RISK", "COMPLIANCE", "MANAGER", "ADMIN"] as const;
const DAY = 86_400_000;

function shanghaiToday(now: number): string {
  return new Date(now + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function RosterEditor({ canManage, now }: { canManage: boolean; now: number }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const range = useMemo(() => ({ from: now - DAY, to: now + 7 * DAY }), [now]);
  const roster = useQuery(trpc.oncall.roster.queryOptions(range));
  const people = useQuery({ ...trpc.oncall.people.queryOptions(), enabled: canManage });
  const [form, setForm] = useState({
    role: "RISK" as (typeof ROLES)[number],
    userId: "",
    position: 1,
    day: shanghaiToday(now),
    kind: "DAY" as "DAY" | "NIGHT",
    handoverNote: "",
  });
  const [removing, setRemoving] = useState<{ id: string; name: string; role: string } | null>(null);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const invalidate = () => {
    void qc.invalidateQueries({ queryKey: trpc.oncall.roster.pathKey() });
    void qc.invalidateQueries({ queryKey: trpc.oncall.onDuty.pathKey() });
  };
  const add = useMutation(trpc.oncall.addShift.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.oncall.removeShift.mutationOptions({ onSuccess: () => (setRemoving(null), invalidate()) }),
  );
  const note = useMutation(trpc.oncall.setHandover.mutationOptions({ onSuccess: invalidate }));
  const candidates = (people.data ?? []).filter((p) => p.role === form.role);

  return (
    <section className="panel stack" aria-labelledby="roster-title">
      <div className="panel-head">
        <h2 id="roster-title">{t("oncall.roster.title")}</h2>
      </div>
      <p className="muted">{t("oncall.roster.hint")}</p>
      {canManage && (
        <form
          className="inline-form"
          style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "flex-end" }}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ ...form, handoverNote: form.handoverNote || undefined });
          }}
        >
          <label>
            {t("oncall.roster.role")}
            <select
              value={form.role}
              onChange={(e) => setForm({ ...form, role: e.target.value as typeof form.role, userId: "" })}
            >
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`oncall.role.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("oncall.roster.person")}
            <select required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}>
              <option value="" />
              {candidates.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({p.email})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("oncall.roster.position")}
            <select value={form.position} onChange={(e) => setForm({ ...form, position: Number(e.target.value) })}>
              <option value={1}>1 · {t("oncall.onDuty.first")}</option>
              <option value={2}>2 · {t("oncall.onDuty.next")}</option>
            </select>
          </label>
          <label>
            {t("oncall.roster.day")}
            <input type="date" required value={form.day} onChange={(e) => setForm({ ...form, day: e.target.value })} />
          </label>
          <label>
            {t("oncall.roster.kind.DAY")} / {t("oncall.roster.kind.NIGHT")}
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as "DAY" | "NIGHT" })}>
              <option value="DAY">{t("oncall.roster.kind.DAY")}</option>
              <option value="NIGHT">{t("oncall.roster.kind.NIGHT")}</option>
            </select>
          </label>
          <label>
            {t("oncall.roster.note")}
            <input
              value={form.handoverNote}
              maxLength={1000}
              onChange={(e) => setForm({ ...form, handoverNote: e.target.value })}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t("oncall.roster.add")}
          </button>
          {add.error && (
            <p role="alert" className="form-error">
              {add.error.message}
            </p>
          )}
        </form>
      )}
      {roster.isPending && <p className="muted">{t("common.loading")}</p>}
      {roster.data?.length === 0 && <p className="muted">{t("oncall.roster.empty")}</p>}
      {roster.data && roster.data.length > 0 && (
        <table className="table" data-testid="roster">
          <thead>
            <tr>
              <th scope="col">{t("oncall.roster.starts")}</th>
              <th scope="col">{t("oncall.roster.ends")}</th>
              <th scope="col">{t("oncall.roster.role")}</th>
              <th scope="col">{t("oncall.roster.position")}</th>
              <th scope="col">{t("oncall.roster.person")}</th>
              <th scope="col">{t("oncall.roster.note")}</th>
              <th scope="col" className="actions" />
            </tr>
          </thead>
          <tbody>
            {roster.data.map((s) => (
              <tr key={s.id}>
                <td>{fmt.dateTime(s.startsAt)}</td>
                <td>{fmt.dateTime(s.endsAt)}</td>
                <td>{t(`oncall.role.${s.role}`)}</td>
                <td>{s.position}</td>
                <td>{s.name}</td>
                <td>
                  {canManage ? (
                    <form
                      style={{ display: "flex", gap: "0.3rem" }}
                      onSubmit={(e) => {
                        e.preventDefault();
                        note.mutate({ id: s.id, note: notes[s.id] ?? s.handoverNote ?? "" });
                      }}
                    >
                      <input
                        aria-label={t("oncall.roster.note")}
                        value={notes[s.id] ?? s.handoverNote ?? ""}
                        maxLength={1000}
                        onChange={(e) => setNotes({ ...notes, [s.id]: e.target.value })}
                      />
                      <button type="submit" className="btn">
                        {t("oncall.roster.editNote")}
                      </button>
                    </form>
                  ) : (
                    (s.handoverNote ?? "")
                  )}
                </td>
                <td className="actions">
                  {canManage && (
                    <button
                      type="button"
                      className="btn"
                      onClick={() => setRemoving({ id: s.id, name: s.name, role: t(`oncall.role.${s.role}`) })}
                    >
                      {t("oncall.roster.remove")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("oncall.roster.removeTitle")}
        body={t("oncall.roster.removeBody", { name: removing?.name ?? "", role: removing?.role ?? "" })}
        confirmLabel={t("oncall.roster.remove")}
        cancelLabel={t("common.cancel")}
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
      />
    </section>
  );
}
