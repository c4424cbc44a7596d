"use client";
// The officer's actions on a case: move it through its lifecycle (closing needs a disposition),
// assign it to an officer, record the client's appeal, restrict or freeze the account (and lift
// them), add a note, export the STR. Every irreversible
// or money-affecting step goes through the app's confirmation dialog with a reason.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import styles from "./surveillance.module.css";
import { ConfirmDialog } from "../ui/confirm-dialog";

const DISPOSITIONS = ["NO_ACTION", "WARNING", "RESTRICTED", "FROZEN", "STR_FILED"] as const;
const CHANNELS = ["PHONE", "EMAIL", "LETTER", "IN_PERSON"] as const;
type Pending = { kind: "freeze" | "restrict" | "lift-freeze" | "lift-restrict" | "close" | "appeal" } | null;

export function CaseActions(props: {
  caseId: string;
  accountId: string;
  accountCode: string;
  status: string;
  version: number;
  assigneeId: string | null;
  controls: { restrictBuys: boolean; frozen: boolean };
}) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState("");
  const [disposition, setDisposition] = useState<(typeof DISPOSITIONS)[number]>("NO_ACTION");
  const [note, setNote] = useState("");
  const [assignee, setAssignee] = useState(props.assigneeId ?? "");
  const [channel, setChannel] = useState<(typeof CHANNELS)[number]>("PHONE");
  const assignees = useQuery(trpc.surveillance.assignees.queryOptions());
  const [error, setError] = useState<string | null>(null);
  const onSuccess = () => {
    setPending(null);
    setReason("");
    setError(null);
    void qc.invalidateQueries({ queryKey: trpc.surveillance.case.queryKey({ id: props.caseId }) });
    void qc.invalidateQueries({ queryKey: trpc.surveillance.cases.pathKey() });
  };
  const onError = (e: { message: string }) => setError(e.message);
  const move = useMutation(trpc.surveillance.move.mutationOptions({ onSuccess, onError }));
  const freeze = useMutation(trpc.surveillance.freeze.mutationOptions({ onSuccess, onError }));
  const restrict = useMutation(trpc.surveillance.restrict.mutationOptions({ onSuccess, onError }));
  const assign = useMutation(trpc.surveillance.assign.mutationOptions({ onSuccess, onError }));
  const appeal = useMutation(trpc.surveillance.appeal.mutationOptions({ onSuccess, onError }));
  const addNote = useMutation(
    trpc.surveillance.note.mutationOptions({
      onSuccess: () => {
        setNote("");
        onSuccess();
      },
      onError,
    }),
  );
  const exportStr = useMutation(
    trpc.surveillance.exportStr.mutationOptions({
      onSuccess: ({ filename, csv }) => {
        const url = URL.createObjectURL(new Blob([csv], { type: "text/csv;charset=utf-8" }));
        const a = document.createElement("a");
        a.href = url;
        a.download = filename;
        a.click();
        URL.revokeObjectURL(url);
        onSuccess();
      },
      onError,
    }),
  );
  const busy = move.isPending || freeze.isPending || restrict.isPending || appeal.isPending;
  const base = { accountId: props.accountId, caseId: props.caseId, reason };
  const confirm = () => {
    if (!pending) return;
    if (pending.kind === "freeze") freeze.mutate(base);
    if (pending.kind === "lift-freeze") freeze.mutate({ ...base, lift: true });
    if (pending.kind === "restrict") restrict.mutate(base);
    if (pending.kind === "lift-restrict") restrict.mutate({ ...base, lift: true });
    if (pending.kind === "appeal") appeal.mutate({ id: props.caseId, statement: reason, channel });
    if (pending.kind === "close")
      move.mutate({ id: props.caseId, to: "CLOSED", disposition, note: reason || undefined, version: props.version });
  };
  const code = { code: props.accountCode };
  const dialog =
    pending &&
    {
      freeze: [t("surveillance.case.confirmFreezeTitle", code), t("surveillance.case.confirmFreezeBody")],
      restrict: [t("surveillance.case.confirmRestrictTitle", code), t("surveillance.case.confirmRestrictBody")],
      "lift-freeze": [t("surveillance.case.confirmLiftTitle", code), t("surveillance.case.confirmLiftBody")],
      "lift-restrict": [t("surveillance.case.confirmLiftTitle", code), t("surveillance.case.confirmLiftBody")],
      close: [t("surveillance.case.confirmCloseTitle"), t("surveillance.case.confirmCloseBody")],
      appeal: [t("surveillance.case.appealTitle", code), t("surveillance.case.appealBody")],
    }[pending.kind];
  const open = props.status !== "CLOSED";
  return (
    <section className="panel stack" aria-labelledby="case-actions">
      <h2 id="case-actions">{t("surveillance.case.actions")}</h2>
      {error && !pending && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div className={styles.row}>
        {props.status === "OPEN" && (
          <button
            className="btn"
            disabled={busy}
            onClick={() => move.mutate({ id: props.caseId, to: "INVESTIGATING", version: props.version })}
          >
            {t("surveillance.case.investigate")}
          </button>
        )}
        {(props.status === "OPEN" || props.status === "INVESTIGATING") && (
          <button
            className="btn"
            disabled={busy}
            onClick={() => move.mutate({ id: props.caseId, to: "ESCALATED", version: props.version })}
          >
            {t("surveillance.case.escalate")}
          </button>
        )}
        {props.status === "ESCALATED" && (
          <button
            className="btn"
            disabled={busy}
            onClick={() => move.mutate({ id: props.caseId, to: "INVESTIGATING", version: props.version })}
          >
            {t("surveillance.case.investigate")}
          </button>
        )}
        {open && (
          <button className="btn" disabled={busy} onClick={() => setPending({ kind: "close" })}>
            {t("surveillance.case.close")}
          </button>
        )}
        {!open && (
          <button
            className="btn"
            disabled={busy}
            onClick={() => move.mutate({ id: props.caseId, to: "INVESTIGATING", version: props.version })}
          >
            {t("surveillance.case.reopen")}
          </button>
        )}
      </div>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          assign.mutate({ id: props.caseId, assigneeId: assignee || null });
        }}
      >
        <label className="inline-field">
          {t("surveillance.case.assignee")}
          <select value={assignee} onChange={(e) => setAssignee(e.target.value)} disabled={assignees.isPending}>
            <option value="">{t("surveillance.queue.unassigned")}</option>
            {(assignees.data ?? []).map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} ({u.email})
              </option>
            ))}
          </select>
        </label>
        <button className="btn" type="submit" disabled={assign.isPending || assignee === (props.assigneeId ?? "")}>
          {t("surveillance.case.assign")}
        </button>
        <button className="btn" type="button" disabled={busy} onClick={() => setPending({ kind: "appeal" })}>
          {t("surveillance.case.recordAppeal")}
        </button>
      </form>
      <div className={styles.row}>
        <button
          className={`btn ${styles["danger-btn"]}`}
          disabled={busy}
          onClick={() => setPending({ kind: props.controls.frozen ? "lift-freeze" : "freeze" })}
        >
          {props.controls.frozen ? t("surveillance.case.unfreeze") : t("surveillance.case.freeze")}
        </button>
        <button
          className="btn"
          disabled={busy}
          onClick={() => setPending({ kind: props.controls.restrictBuys ? "lift-restrict" : "restrict" })}
        >
          {props.controls.restrictBuys ? t("surveillance.case.liftRestrict") : t("surveillance.case.restrict")}
        </button>
        <button className="btn" disabled={exportStr.isPending} onClick={() => exportStr.mutate({ id: props.caseId })}>
          {t("surveillance.case.exportStr")}
        </button>
      </div>
      <form
        className="stack"
        onSubmit={(e) => {
          e.preventDefault();
          addNote.mutate({ id: props.caseId, text: note });
        }}
      >
        <label>
          {t("surveillance.case.note")}
          <textarea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t("surveillance.case.notePlaceholder")}
            rows={3}
            maxLength={4000}
          />
        </label>
        <div>
          <button className="btn" type="submit" disabled={addNote.isPending || note.trim() === ""}>
            {t("surveillance.case.addNote")}
          </button>
        </div>
      </form>
      <ConfirmDialog
        open={pending !== null}
        title={dialog?.[0] ?? ""}
        body={dialog?.[1] ?? ""}
        confirmLabel={t("common.confirm")}
        cancelLabel={t("common.cancel")}
        busy={busy}
        error={error}
        onConfirm={confirm}
        onCancel={() => {
          setPending(null);
          setError(null);
        }}
      >
        {pending?.kind === "close" && (
          <label>
            {t("surveillance.case.dispositionLabel")}
            <select
              value={disposition}
              onChange={(e) => setDisposition(e.target.value as (typeof DISPOSITIONS)[number])}
            >
              {DISPOSITIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`surveillance.disposition.${d}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        {pending?.kind === "appeal" && (
          <label>
            {t("surveillance.case.appealChannel")}
            <select value={channel} onChange={(e) => setChannel(e.target.value as (typeof CHANNELS)[number])}>
              {CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {t(`surveillance.channel.${c}`)}
                </option>
              ))}
            </select>
          </label>
        )}
        <label>
          {pending?.kind === "appeal" ? t("surveillance.case.appealStatement") : t("surveillance.case.reason")}
          <input
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={pending?.kind !== "close"}
            maxLength={pending?.kind === "appeal" ? 4000 : 500}
            minLength={3}
            name="reason"
          />
        </label>
      </ConfirmDialog>
    </section>
  );
}
