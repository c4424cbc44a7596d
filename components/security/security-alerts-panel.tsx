"use client";
// Security alerts for ADMIN: sign-in and step-up lock-outs (audit events "security.alert").
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function SecurityAlertsPanel() {
  const { t, fmt } = useI18n();
  const trpc = useTRPC();
  const alerts = useQuery(trpc.admin.securityAlerts.queryOptions(undefined, { refetchInterval: 30_000 }));
  return (
    <section className="panel" aria-labelledby="security-alerts-title">
      <h2 id="security-alerts-title">{t("security.alerts.title")}</h2>
      {alerts.data && alerts.data.length === 0 && <p className="muted">{t("security.alerts.none")}</p>}
      {alerts.data && alerts.data.length > 0 && (
        <table className="table">
          <tbody>
            {alerts.data.map((a) => (
              <tr key={a.id}>
                <td>{fmt.dateTime(a.ts)}</td>
                <td>
                  {a.kind === "stepUpLocked" ? t("security.alerts.stepUpLocked") : t("security.alerts.signInLocked")}
                </td>
                <td className="mono">{a.email}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
