"use client";
// The "?" overlay: every keyboard shortcut of the console, in a modal <dialog> (Esc closes).
import { useEffect, useRef } from "react";
import { useI18n } from "../i18n/i18n-provider";
import type { MessageKey } from "../i18n/config";

export const SHORTCUTS: ReadonlyArray<{ keys: string[]; what: MessageKey }> = [
  { keys: ["Ctrl", "K"], what: "keyboard.help.palette" },
  { keys: ["?"], what: "keyboard.help.help" },
  { keys: ["j"], what: "keyboard.help.next" },
  { keys: ["k"], what: "keyboard.help.previous" },
  { keys: ["o"], what: "keyboard.help.open" },
  { keys: ["Enter"], what: "keyboard.help.open" },
  { keys: ["Esc"], what: "keyboard.help.close" },
];

export function ShortcutsHelp({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="panel shortcuts-help"
      aria-labelledby="shortcuts-title"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <h2 id="shortcuts-title">{t("keyboard.help.title")}</h2>
      <p className="muted">{t("keyboard.help.queues")}</p>
      <table className="table" data-testid="shortcuts-table">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys.join("+")}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && " + "}
                    <kbd>{k}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(s.what)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" className="btn" onClick={onClose} autoFocus>
          {t("common.close")}
        </button>
      </div>
    </dialog>
  );
}
