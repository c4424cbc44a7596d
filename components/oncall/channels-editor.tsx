"use client";
// ADMIN adds people's paging channels (group robots, JSON webhook, email), tests them, turns them
// on and off, removes them. Targets and secrets go to the server once and are only shown as hints.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

const KINDS = ["WECOM", "DINGTALK", "FEISHU", "WEBHOOK", "EMAIL"] as const;
type Kind = (typeof KINDS)[number];

export function ChannelsEditor({ canManage }: { canManage: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const list = useQuery(trpc.oncall.channels.queryOptions());
  const people = useQuery({ ...trpc.oncall.people.queryOptions(), enabled: canManage });
  const empty = { userId: "", kind: "WEBHOOK" as Kind, label: "", target: "", secret: "", priority: 0 };
  const [form, setForm] = useState(empty);
  const [removing, setRemoving] = useState<{ id: string; name: string; label: string } | null>(null);
  const [tested, setTested] = useState<Record<string, string>>({});
  const invalidate = () => void qc.invalidateQueries({ queryKey: trpc.oncall.channels.pathKey() });
  const add = useMutation(trpc.oncall.addChannel.mutationOptions({ onSuccess: () => (setForm(empty), invalidate()) }));
  const update = useMutation(trpc.oncall.updateChannel.mutationOptions({ onSuccess: invalidate }));
  const remove = useMutation(
    trpc.oncall.removeChannel.mutationOptions({ onSuccess: () => (setRemoving(null), invalidate()) }),
  );
  const test = useMutation(
    trpc.oncall.testChannel.mutationOptions({
      onSuccess: (r, v) =>
        setTested((s) => ({
          ...s,
          [v.id]: r.ok ? t("oncall.channels.testOk") : t("oncall.channels.testFailed", { error: r.error ?? "" }),
        })),
    }),
  );

  return (
    <section className="panel stack" aria-labelledby="channels-title">
      <div className="panel-head">
        <h2 id="channels-title">{t("oncall.channels.title")}</h2>
      </div>
      <p className="muted">{t("oncall.channels.hint")}</p>
      {canManage && (
        <form
          style={{ display: "flex", flexWrap: "wrap", gap: "0.5rem", alignItems: "flex-end" }}
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate({ ...form, secret: form.secret || undefined });
          }}
        >
          <label>
            {t("oncall.channels.person")}
            <select required value={form.userId} onChange={(e) => setForm({ ...form, userId: e.target.value })}>
              <option value="" />
              {(people.data ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name} ({t(`oncall.role.${p.role as "RISK"}`)})
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("oncall.channels.kind.WEBHOOK")}
            <select value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value as Kind })}>
              {KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`oncall.channels.kind.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t("oncall.channels.label")}
            <input
              required
              maxLength={80}
              value={form.label}
              onChange={(e) => setForm({ ...form, label: e.target.value })}
            />
          </label>
          <label>
            {t("oncall.channels.target")}
            <input
              required
              maxLength={2000}
              type={form.kind === "EMAIL" ? "email" : "url"}
              value={form.target}
              onChange={(e) => setForm({ ...form, target: e.target.value })}
            />
          </label>
          {form.kind !== "EMAIL" && form.kind !== "WECOM" && (
            <label>
              {t("oncall.channels.secret")}
              <input
                type="password"
                autoComplete="off"
                maxLength={500}
                required
                value={form.secret}
                onChange={(e) => setForm({ ...form, secret: e.target.value })}
              />
            </label>
          )}
          <label>
            {t("oncall.channels.priority")}
            <input
              type="number"
              min={0}
              max={99}
              value={form.priority}
              onChange={(e) => setForm({ ...form, priority: Number(e.target.value) })}
            />
          </label>
          <button type="submit" className="btn btn-primary" disabled={add.isPending}>
            {t("oncall.channels.add")}
          </button>
          {add.error && (
            <p role="alert" className="form-error">
              {add.error.message}
            </p>
          )}
        </form>
      )}
      {list.isPending && <p className="muted">{t("common.loading")}</p>}
      {list.data?.length === 0 && <p className="muted">{t("oncall.channels.empty")}</p>}
      {list.data && list.data.length > 0 && (
        <table className="table" data-testid="channels">
          <thead>
            <tr>
              <th scope="col">{t("oncall.channels.person")}</th>
              <th scope="col">{t("oncall.channels.label")}</th>
              <th scope="col">{t("oncall.channels.target")}</th>
              <th scope="col" className="num">
                {t("oncall.channels.priority")}
              </th>
              <th scope="col">{t("oncall.incidents.status")}</th>
              <th scope="col" className="actions" />
            </tr>
          </thead>
          <tbody>
            {list.data.map((c) => (
              <tr key={c.id}>
                <td>{c.user?.name ?? c.userId}</td>
                <td>
                  {c.label} <span className="muted">({t(`oncall.channels.kind.${c.kind as Kind}`)})</span>
                </td>
                <td>
                  <code>{c.targetHint}</code>
                </td>
                <td className="num">{c.priority}</td>
                <td>
                  {t(c.enabled ? "oncall.channels.enabled" : "oncall.channels.disabled")}
                  {c.consecutiveFailures > 0 && (
                    <div className="form-error">
                      {t("oncall.channels.failures", { n: c.consecutiveFailures })}
                      {c.lastError ? `: ${c.lastError}` : ""}
                    </div>
                  )}
                  {tested[c.id] && <div role="status">{tested[c.id]}</div>}
                </td>
                <td className="actions">
                  {canManage && (
                    <>
                      <button
                        type="button"
                        className="btn"
                        disabled={test.isPending}
                        onClick={() => test.mutate({ id: c.id })}
                      >
                        {t("oncall.channels.test")}
                      </button>
                      <button
                        type="button"
                        className="btn"
                        onClick={() => update.mutate({ id: c.id, enabled: !c.enabled })}
                      >
                        {t(c.enabled ? "oncall.channels.disable" : "oncall.channels.enable")}
                      </button>
                      <button
                        type="button"
                        className="btn"
                        onClick={() => setRemoving({ id: c.id, name: c.user?.name ?? "", label: c.label })}
                      >
                        {t("oncall.channels.remove")}
                      </button>
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <ConfirmDialog
        open={removing !== null}
        title={t("oncall.channels.removeTitle")}
        body={t("oncall.channels.removeBody", { name: removing?.name ?? "", label: removing?.label ?? "" })}
        confirmLabel={t("oncall.channels.remove")}
        cancelLabel={t("common.cancel")}
        busy={remove.isPending}
        error={remove.error?.message ?? null}
        onCancel={() => setRemoving(null)}
        onConfirm={() => removing && remove.mutate({ id: removing.id })}
      />
    </section>
  );
}
