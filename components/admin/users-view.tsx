"use client";
// User administration (ADMIN): list with status, create, unlock, disable/enable with confirmation.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ROLES, type Role } from "@/server/auth/roles";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { ApiTokensPanel } from "./api-tokens-panel";
import { useNow } from "../ui/use-now";

/** canManage: false for read-only roles (AUDITOR), who see the list only. */
export function UsersView({ canManage }: { canManage: boolean }) {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const users = useQuery(trpc.admin.users.queryOptions());
  const invalidate = () => qc.invalidateQueries({ queryKey: trpc.admin.users.queryKey() });
  const lock = useMutation(trpc.admin.setUserLock.mutationOptions({ onSuccess: invalidate }));
  const create = useMutation(trpc.admin.createUser.mutationOptions({ onSuccess: invalidate }));
  const [role, setRole] = useState<Role>("RISK");

  function onCreate(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    const form = e.currentTarget;
    create.mutate(
      { email: String(f.get("email")), name: String(f.get("name")), role, password: String(f.get("password")) },
      { onSuccess: () => form.reset() },
    );
  }

  const now = useNow(10_000);
  return (
    <div className="stack">
      <section className="panel">
        <h1>{t("users.title")}</h1>
        {users.isPending && <p className="muted">{t("common.loading")}</p>}
        {users.isError && <p role="alert" className="form-error">{users.error.message}</p>}
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
                const locked = u.lockedUntil !== null && new Date(u.lockedUntil).getTime() > now;
                return (
                  <tr key={u.id}>
                    <td className="mono">{u.email}</td>
                    <td>{u.name}</td>
                    <td>{t(`roles.${u.role}`)}</td>
                    <td>{u.totpEnrolledAt ? t("common.yes") : t("common.no")}</td>
                    <td>{u.disabled ? t("users.disabled") : locked ? t("users.locked") : t("users.active")}</td>
                    <td>{u.lastLoginAt ? fmt.dateTime(u.lastLoginAt) : t("common.never")}</td>
                    <td className="actions">
                      {canManage && locked && (
                        <button type="button" className="btn" onClick={() => lock.mutate({ userId: u.id, unlock: true })}>
                          {t("users.unlock")}
                        </button>
                      )}
                      {canManage && (
                      <button
                        type="button"
                        className="btn"
                        onClick={() => {
                          if (u.disabled || window.confirm(t("users.confirmDisable", { email: u.email }))) {
                            lock.mutate({ userId: u.id, disabled: !u.disabled });
                          }
                        }}
                      >
                        {u.disabled ? t("users.enable") : t("users.disable")}
                      </button>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        {lock.error && <p role="alert" className="form-error">{lock.error.message}</p>}
      </section>
      {canManage && (
      <section className="panel">
        <h2>{t("users.create")}</h2>
        <form className="form-grid" onSubmit={onCreate}>
          <label>
            {t("users.email")}
            <input name="email" type="email" required />
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
        {create.error && <p role="alert" className="form-error">{create.error.message}</p>}
        {create.data && <p role="status" className="ok-banner">{t("users.created", { email: create.data.email })}</p>}
      </section>
      )}
      {canManage && <ApiTokensPanel users={users.data ?? []} />}
    </div>
  );
}
