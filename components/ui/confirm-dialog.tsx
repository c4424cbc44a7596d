"use client";
// The app's own confirmation dialog (a modal <dialog>: focus stays inside, Esc cancels), used
// instead of window.confirm. Optional children hold extra inputs (e.g. the authenticator code).
import { useEffect, useRef, type ReactNode } from "react";

export function ConfirmDialog(props: {
  open: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onCancel: () => void;
  children?: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (props.open && !d.open) d.showModal();
    if (!props.open && d.open) d.close();
  }, [props.open]);
  return (
    <dialog
      ref={ref}
      className="panel confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(e) => {
        e.preventDefault();
        props.onCancel();
      }}
    >
      <form
        method="dialog"
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          props.onConfirm();
        }}
      >
        <h2 id="confirm-title">{props.title}</h2>
        <p>{props.body}</p>
        {props.children}
        {props.error && (
          <p role="alert" className="form-error">
            {props.error}
          </p>
        )}
        <div className="actions">
          <button type="button" className="btn" onClick={props.onCancel}>
            {props.cancelLabel}
          </button>
          <button type="submit" className="btn btn-primary" disabled={props.busy}>
            {props.confirmLabel}
          </button>
        </div>
      </form>
    </dialog>
  );
}
