"use client";
// The app's own confirmation dialog (a modal <dialog>: focus stays inside, Esc closes): a title, a
// sentence that says exactly what will happen, optional fields (a reason, quantities) and the server's
// answer when it refuses. Submitting the form is the confirmation.
import { useEffect, useRef, type FormEvent, type ReactNode } from "react";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./liquidation.module.css";

export function ConfirmDialog({
  title,
  what,
  children,
  confirmLabel,
  danger,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  title: string;
  what: string;
  children?: ReactNode;
  confirmLabel: string;
  danger?: boolean;
  busy: boolean;
  error: string | null;
  onConfirm: (form: FormData) => void;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    onConfirm(new FormData(e.currentTarget));
  }
  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      aria-labelledby="confirm-title"
      onClose={onClose}
      data-testid="confirm-dialog"
    >
      <form onSubmit={submit}>
        <h2 id="confirm-title">{title}</h2>
        <p className={styles.what} data-testid="confirm-what">
          {what}
        </p>
        {children}
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <div className={styles.actions}>
          <button type="submit" className={`btn btn-primary ${danger ? styles.danger : ""}`} disabled={busy}>
            {confirmLabel}
          </button>
          <button type="button" className="btn" onClick={onClose}>
            {t("liquidation.actions.back")}
          </button>
        </div>
      </form>
    </dialog>
  );
}
