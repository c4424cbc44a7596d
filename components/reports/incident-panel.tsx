"use client";
// The incident review's write-up (RISK, COMPLIANCE) and its sign-off by a second person (MANAGER),
// confirmed in the app's dialog; a signed-off review shows who signed and when.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { IncidentWriteUp } from "@/server/reports/incident-review";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./reports.module.css";

interface ReviewState {
  id: string;
  status: string;
  version: number;
  writeUp: IncidentWriteUp | null;
  generatedById: string | null;
  writtenById: string | null;
  writtenByEmail: string | null;
  writtenAt: Date | string | null;
  signedOffByEmail: string | null;
  signedOffAt: Date | string | null;
  signOffNote: string | null;
}

const FIELDS = ["summary", "impact", "rootCause", "actions"] as const;

export function IncidentPanel(props: { report: ReviewState; userId: string; canWrite: boolean; canSignOff: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const r = props.report;
  const [form, setForm] = useState<IncidentWriteUp>(
    r.writeUp ?? { summary: "", impact: "", rootCause: "", actions: "" },
  );
  const [saved, setSaved] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [note, setNote] = useState("");
  const refresh = () => qc.invalidateQueries({ queryKey: trpc.reports.get.queryKey({ id: r.id }) });
  const save = useMutation(
    trpc.reports.saveWriteUp.mutationOptions({
      onSuccess: async () => {
        setSaved(true);
        await refresh();
      },
    }),
  );
  const signOff = useMutation(
    trpc.reports.signOff.mutationOptions({
      onSuccess: async () => {
        setConfirming(false);
        await refresh();
      },
    }),
  );
  const closed = r.status === "SIGNED_OFF";
  const own = r.generatedById === props.userId || r.writtenById === props.userId;
  return (
    <section className="panel stack" aria-labelledby="writeup-title">
      <h2 id="writeup-title">{t("reports.incident.writeUp")}</h2>
      {r.writtenByEmail && r.writtenAt && (
        <p className="muted small">
          {t("reports.incident.writtenBy", { who: r.writtenByEmail, at: fmt.dateTime(new Date(r.writtenAt)) })}
        </p>
      )}
      {closed && r.signedOffByEmail && r.signedOffAt && (
        <p className="ok-banner">
          {t("reports.incident.signedBy", { who: r.signedOffByEmail, at: fmt.dateTime(new Date(r.signedOffAt)) })}
          {r.signOffNote ? ` · ${r.signOffNote}` : ""}
        </p>
      )}
      {props.canWrite && !closed ? (
        <form
          className={`stack ${styles.writeUp}`}
          onSubmit={(e) => {
            e.preventDefault();
            setSaved(false);
            save.mutate({ id: r.id, version: r.version, writeUp: form });
          }}
        >
          {FIELDS.map((f) => (
            <label key={f} className="stack">
              {t(`reports.incident.${f}`)}
              <textarea
                value={form[f]}
                maxLength={4000}
                required={f === "summary"}
                onChange={(e) => setForm({ ...form, [f]: e.target.value })}
              />
            </label>
          ))}
          <div>
            <button type="submit" className="btn btn-primary" disabled={save.isPending}>
              {t("reports.incident.save")}
            </button>
          </div>
          {saved && <p className="ok-banner">{t("reports.incident.saved")}</p>}
          {save.isError && (
            <p role="alert" className="form-error">
              {save.error.message}
            </p>
          )}
        </form>
      ) : (
        !r.writeUp && <p className="muted">{t("reports.incident.waiting")}</p>
      )}
      {props.canSignOff && !closed && (
        <div className="stack">
          {r.status !== "SUBMITTED" ? (
            <p className="muted">{t("reports.incident.waiting")}</p>
          ) : own ? (
            <p className="muted">{t("reports.incident.notYours")}</p>
          ) : (
            <div>
              <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
                {t("reports.incident.signOff")}
              </button>
            </div>
          )}
        </div>
      )}
      <ConfirmDialog
        open={confirming}
        title={t("reports.incident.signOffTitle")}
        body={t("reports.incident.signOffBody")}
        confirmLabel={t("reports.incident.signOffConfirm")}
        cancelLabel={t("common.cancel")}
        busy={signOff.isPending}
        error={signOff.error?.message ?? null}
        onConfirm={() => signOff.mutate({ id: r.id, version: r.version, note })}
        onCancel={() => setConfirming(false)}
      >
        <label className="stack">
          {t("reports.incident.note")}
          <input value={note} onChange={(e) => setNote(e.target.value)} maxLength={1000} />
        </label>
      </ConfirmDialog>
    </section>
  );
}
