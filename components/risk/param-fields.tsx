"use client";
// One number field of the parameter form, with its error shown at the field (aria-invalid,
// aria-describedby), and a section of them.
import type { ReactNode } from "react";
import { useI18n } from "../i18n/i18n-provider";
import type { FieldError } from "./param-draft";
import styles from "./risk.module.css";

export function NumField({
  path,
  label,
  value,
  error,
  hint,
  onChange,
}: {
  path: string;
  label: string;
  value: string;
  error: FieldError | undefined;
  hint?: string;
  onChange: (v: string) => void;
}) {
  const { t } = useI18n();
  const id = `pf-${path.replace(/[^a-zA-Z0-9]/g, "-")}`;
  const described = [hint ? `${id}-hint` : "", error ? `${id}-err` : ""].filter(Boolean).join(" ") || undefined;
  return (
    <div className={styles.paramField} data-field={path}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={value}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onChange={(e) => onChange(e.target.value)}
      />
      {hint && (
        <span id={`${id}-hint`} className="hint">
          {hint}
        </span>
      )}
      {error && (
        <span id={`${id}-err`} className="form-error small" data-testid="field-error">
          {t(`paramform.errors.${error}`)}
        </span>
      )}
    </div>
  );
}

export function FieldSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <fieldset className={styles.paramSection}>
      <legend>{title}</legend>
      <div className={styles.paramFields}>{children}</div>
    </fieldset>
  );
}
