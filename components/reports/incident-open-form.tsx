"use client";
// Opens an incident review: a title and a window; the server assembles the audit timeline.
import { useMutation } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

/** "YYYY-MM-DDTHH:mm" in the browser's zone, for datetime-local inputs. */
function localInput(ts: number): string {
  const d = new Date(ts - new Date(ts).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

export function IncidentOpenForm() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const router = useRouter();
  const [title, setTitle] = useState("");
  const [from, setFrom] = useState(() => localInput(Date.now() - 3_600_000));
  const [to, setTo] = useState(() => localInput(Date.now()));
  const open = useMutation(
    trpc.reports.openIncident.mutationOptions({ onSuccess: (r) => router.push(`/reports/${r.id}`) }),
  );
  return (
    <section className="panel stack" aria-labelledby="incident-title">
      <h2 id="incident-title">{t("reports.incident.open")}</h2>
      <form
        className="form-grid"
        onSubmit={(e) => {
          e.preventDefault();
          open.mutate({ title, from: new Date(from), to: new Date(to) });
        }}
      >
        <label>
          {t("reports.incident.titleLabel")}
          <input value={title} onChange={(e) => setTitle(e.target.value)} maxLength={120} required minLength={3} />
        </label>
        <label>
          {t("reports.incident.from")}
          <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} required />
        </label>
        <label>
          {t("reports.incident.to")}
          <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} required />
        </label>
        <div>
          <button type="submit" className="btn btn-primary" disabled={open.isPending}>
            {open.isPending ? t("common.loading") : t("reports.incident.create")}
          </button>
        </div>
        {open.isError && (
          <p role="alert" className="form-error">
            {open.error.message}
          </p>
        )}
      </form>
    </section>
  );
}
