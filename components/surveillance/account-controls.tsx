"use client";
// The account page's surveillance line: a freeze or buy restriction in force (with its reason) and
// the account's open case, for every role that sees accounts.
import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { useChangePoll } from "../live/live-changes";
import styles from "./surveillance.module.css";

export function AccountControls({ accountId, canOpenCase }: { accountId: string; canOpenCase: boolean }) {
  const { t } = useI18n();
  const trpc = useTRPC();
  const q = useQuery({
    ...trpc.surveillance.accountControls.queryOptions({ accountId }),
    refetchInterval: useChangePoll(15_000),
  });
  return (
    <section className="panel" aria-labelledby="account-surveillance" data-testid="account-controls">
      <h2 id="account-surveillance">{t("surveillance.account.title")}</h2>
      {q.isPending && <p className="muted">{t("common.loading")}</p>}
      {q.isError && (
        <p role="alert" className="form-error">
          {q.error.message}
        </p>
      )}
      {q.data && (
        <p>
          {q.data.frozen && (
            <span className={`${styles.badge} ${styles.danger}`}>{t("surveillance.account.frozen")}</span>
          )}{" "}
          {q.data.restrictBuys && (
            <span className={`${styles.badge} ${styles.warn}`}>{t("surveillance.account.restricted")}</span>
          )}
          {!q.data.frozen && !q.data.restrictBuys && <span className="muted">{t("surveillance.account.clear")}</span>}
          {q.data.reason && (q.data.frozen || q.data.restrictBuys) && <span> · {q.data.reason}</span>}
          {q.data.case && q.data.case.status !== "CLOSED" && (
            <>
              {" · "}
              {canOpenCase ? (
                <Link href={`/compliance/cases/${q.data.case.id}`}>
                  {t("surveillance.account.openCase", {
                    status: t(`surveillance.status.${q.data.case.status as "OPEN"}`),
                    p: q.data.case.priority,
                  })}
                </Link>
              ) : (
                t("surveillance.account.openCase", {
                  status: t(`surveillance.status.${q.data.case.status as "OPEN"}`),
                  p: q.data.case.priority,
                })
              )}
            </>
          )}
        </p>
      )}
    </section>
  );
}
