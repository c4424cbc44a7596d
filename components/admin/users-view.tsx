"use client";
// User administration (ADMIN): list with status, create, unlock, disable; re-enabling, role changes,
// TOTP resets and new managers or administrators become proposals for a second ADMIN (four eyes).
// Every consequential click is confirmed with the app's own dialog.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/server/auth/roles";
import { useI18n } from "../i18n/i18n-provider";
import { AccessProposalsPanel } from "../security/access-proposals-panel";
import { SecurityAlertsPanel } from "../security/security-alerts-panel";
import { useTRPC } from "../trpc/react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { ApiTokensPanel } from "./api-tokens-panel";
import { useNow } from "../ui/use-now";

type Action =
  | { kind: "disable"; userId: string; email: string }
  | { kind: "role"; userId: string; email: string; from: Role; to: Role }
  | { kind: "resetTotp"; userId: string; email: string };

/** canManage: false for read-only roles (AUDITOR), who see the list only. */
export function UsersView({ canManage, myId }: { canManage: boolean; myId: string }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const users = useQuery(trpc.admin.users.queryOptions());
  const invalidate = () => {
    void qc.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
    void qc.invalidateQueries({ queryKey: trpc.admin.accessProposals.queryKey() });
  };
  const lock = useMutation(trpc.admin.setUserLock.mutationOptions({ onSuccess: invalidate }));
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: invalidate }));
  const roleChange = useMutation(trpc.admin.proposeRoleChange.mutationOptions({ onSuccess: invalidate }));
  const resetTotp = useMutation(trpc.admin.proposeTotpReset.mutationOptions({ onSuccess: invalidate }));
  const [role, setRole] = useState<Role>("RISK");
  const [newRoles, setNewRoles] = useState<Record<string, Role>>({});
  const [action, setAction] = useState<Action | null>(null);
  const actionError = lock.error ?? roleChange.error ?? resetTotp.error;

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    create.mutate(
      { email: String(f.get("email")), name: String(f.get("name")), role, password: String(f.get("password")) },
      { onSuccess: () => form.reset() },
    );
  }

  function confirmAction() {
    if (!action) return;
    const done = { onSuccess: () => setAction(null) };
    if (action.kind === "disable") lock.mutate({ userId: action.userId, disabled: true }, done);
    else if (action.kind === "role") roleChange.mutate({ userId: action.userId, role: action.to }, done);
    else resetTotp.mutate({ userId: action.userId }, done);
  }

  const dialog = action && {
    title: t(
      action.kind === "disable"
        ? "security.users.confirmDisableTitle"
        : action.kind === "role"
          ? "security.users.confirmRoleTitle"
          : "security.users.confirmResetTitle",
    ),
    body:
      action.kind === "disable"
        ? t("users.confirmDisable", { email: action.email })
        : action.kind === "role"
          ? t("security.users.confirmRole", {
              email: action.email,
              from: t(`roles.${action.from}`),
              to: t(`roles.${action.to}`),
            })
          : t("security.users.confirmReset", { email: action.email }),
  };

  const now = useNow(10_000);
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("users.title")}</h1>
        {users.isPending && <p className="muted">{t("common.loading")}</p>}
        {users.isError && (
          <p role="alert" className="form-error">
            {users.error.message}
          </p>
        )}
        {users.data && (
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t("users.email")}</th>
                <th scope="col">{t("users.name")}</th>
                <th scope="col">{t("users.role")}</th>
                <th scope="col">{t("users.totp")}</th>
                <th scope="col">{t("users.status")}</th>
                <th scope="col">{t("users.lastLogin")}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {users.data.map((u) => {
                const locked =
                  (u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > now) ||
                  (u.stepUpLockedUntil !== null && new Date(u.stepUpLockedUntil).getTime() > now);
                const target = newRoles[u.id] ?? u.role;
                return (
                  <tr key={u.id} data-testid={`user-${u.email}`}>
                    <td className="mono">{u.email}</td>
                    <td>{u.name}</td>
                    <td>{t(`roles.${u.role}`)}</td>
                    <td>{u.totpEnrolledAt ? t("common.yes") : t("common.no")}</td>
                    <td>{u.disabled ? t("users.disabled") : locked ? t("users.locked") : t("users.active")}</td>
                    <td>{u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t("common.never")}</td>
                    <td className="actions">
                      {canManage && locked && (
                        <button
                          type="button"
                          className="btn"
                          onClick={() => lock.mutate({ userId: u.id, unlock: true })}
                        >
                          {t("users.unlock")}
                        </button>
                      )}
                      {canManage && u.id !== myId && (
                        <button
                          type="button"
                          className="btn"
                          onClick={() =>
                            u.disabled
                              ? lock.mutate({ userId: u.id, disabled: false })
                              : setAction({ kind: "disable", userId: u.id, email: u.email })
                          }
                        >
                          {u.disabled ? t("users.enable") : t("users.disable")}
                        </button>
                      )}
                      {canManage && u.id !== myId && (
                        <>
                          <select
                            aria-label={t("security.users.changeRole")}
                            value={target}
                            onChange={(e) => setNewRoles({ ...newRoles, [u.id]: e.target.value as Role })}
                          >
                            {ROLES.map((r) => (
                              <option key={r} value={r}>
                                {t(`roles.${r}`)}
                              </option>
                            ))}
                          </select>
                          <button
                            type="button"
                            className="btn"
                            disabled={target === u.role}
                            onClick={() =>
                              setAction({ kind: "role", userId: u.id, email: u.email, from: u.role, to: target })
                            }
                          >
                            {t("security.users.changeRole")}
                          </button>
                        </>
                      )}
                      {canManage && u.id !== myId && u.totpEnrolledAt && (
                        <button
                          type="button"
                          className="btn"
                          onClick={() => setAction({ kind: "resetTotp", userId: u.id, email: u.email })}
                        >
                          {t("security.users.resetTotp")}
                        </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {!action && actionError && (
          <p role="alert" className="form-error">
            {actionError.message}
          </p>
        )}
        {lock.data?.proposalId && (
          <p role="status" className="ok-banner">
            {t("security.proposals.proposed", { email: lock.data.email })}
          </p>
        )}
      </section>
      <AccessProposalsPanel canDecide={canManage} myId={myId} />
      {canManage && (
        <section className="panel">
          <h2>{t("users.create")}</h2>
          <form className="form-grid" onSubmit={onCreate}>
            <label>
              {t("users.email")}
              <input name="email" type="email" maxLength={254} required />
            </label>
            <label>
              {t("users.name")}
              <input name="name" required />
            </label>
            <label>
              {t("users.role")}
              <select value={role} onChange={(e) => setRole(e.target.value as Role)}>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t("users.password")}
              <input name="password" type="password" minLength={12} required autoComplete="new-password" />
            </label>
            <button type="submit" className="btn btn-primary" disabled={create.isPending}>
              {t("users.create")}
            </button>
          </form>
          {create.error && (
            <p role="alert" className="form-error">
              {create.error.message}
            </p>
          )}
          {create.data && (
            <p role="status" className="ok-banner">
              {create.data.status === "PROPOSED"
                ? t("security.proposals.proposed", { email: create.data.email })
                : t("users.created", { email: create.data.email })}
            </p>
          )}
        </section>
      )}
      {canManage && <SecurityAlertsPanel />}
      {canManage && <ApiTokensPanel />}
      <ConfirmDialog
        open={action !== null}
        title={dialog?.title ?? ""}
        body={dialog?.body ?? ""}
        confirmLabel={t("security.users.confirm")}
        cancelLabel={t("security.common.cancel")}
        busy={lock.isPending || roleChange.isPending || resetTotp.isPending}
        error={action ? (actionError?.message ?? null) : null}
        onCancel={() => setAction(null)}
        onConfirm={confirmAction}
      />
    </div>
  );
}
