"use client";
// Compliance flags of one account in the accounts list: its open surveillance case (a link to the
// case, with the rules that hit) and a freeze or buy restriction in force.
import Link from "next/link";
import type { AccountFlags } from "@/server/accounts/account-flags";
import { useI18n } from "../i18n/i18n-provider";

export function AccountFlagChips({ flags }: { flags: AccountFlags | null }) {
  const { t } = useI18n();
  if (!flags) return <span className="muted">—</span>;
  return (
    <span className="flag-chips">
      {flags.case && (
        <Link
          href={`/compliance/cases/${encodeURIComponent(flags.case.id)}`}
          className="flag-chip flag-case"
          title={flags.case.rules.join(", ")}
          tabIndex={-1}
          onClick={(e) => e.stopPropagation()}
        >
          {t("accounts.flagCase", { priority: flags.case.priority })}
        </Link>
      )}
      {flags.frozen && <span className="flag-chip flag-frozen">{t("accounts.flagFrozen")}</span>}
      {flags.restrictBuys && <span className="flag-chip">{t("accounts.flagNoBuys")}</span>}
    </span>
  );
}
