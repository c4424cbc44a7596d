"use client";
// Pieces of the audit trail: the change of one event as before -> after rows, and a copy button
// for a full id (ids are never cut: two users must never look alike).
import { useState } from "react";
import type { DiffRow } from "@/server/audit/audit-diff";
import { useI18n } from "../i18n/i18n-provider";

export function CopyId({ value }: { value: string }) {
  const { t } = useI18n();
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="btn btn-ghost btn-tiny"
      aria-label={t("audit.copyId")}
      title={t("audit.copyId")}
      onClick={() => {
        void navigator.clipboard?.writeText(value).then(
          () => {
            setCopied(true);
            setTimeout(() => setCopied(false), 1500);
          },
          () => setCopied(false),
        );
      }}
    >
      {copied ? t("audit.copied") : t("audit.copy")}
    </button>
  );
}

export function ChangeRows({ rows, hash }: { rows: DiffRow[]; hash: string }) {
  const { t } = useI18n();
  return (
    <div className="audit-change">
      <table className="table audit-diff">
        <thead>
          <tr>
            <th scope="col">{t("audit.field")}</th>
            <th scope="col">{t("audit.before")}</th>
            <th scope="col">{t("audit.after")}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.path} className={`chg-${r.kind}`} data-kind={r.kind}>
              <td className="mono">{r.path}</td>
              <td className="mono diff-before">{r.before ?? "—"}</td>
              <td className="mono diff-after">{r.after ?? "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        {t("audit.hash")} <span className="mono">{hash}</span>
      </p>
    </div>
  );
}
