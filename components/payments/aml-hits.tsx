"use client";
// AML score badge, rule-hit chips (queue) and the full evidence list (detail), shared by the
// payments and compliance screens.
import type { AmlHit } from "@/server/payments/aml/rules";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./payments.module.css";

export function ScoreBadge({ score }: { score: number }) {
  const cls = score >= 50 ? styles.scoreHigh : score >= 20 ? styles.scoreMid : styles.scoreLow;
  return <span className={`${styles.score} ${cls}`}>{score}</span>;
}

export function HitChips({ hits }: { hits: AmlHit[] }) {
  const { t } = useI18n();
  if (hits.length === 0) return <span className="muted">{t("payments.queue.clean")}</span>;
  return (
    <span className={styles.chips}>
      {hits.map((h) => (
        <span key={h.rule} className={styles.chip}>
          {t(`payments.rule.${h.rule}`)}
        </span>
      ))}
    </span>
  );
}

const EVIDENCE_KEYS = {
  kycLevel: 1,
  amount: 1,
  limit: 1,
  last24h: 1,
  count: 1,
  maxCount: 1,
  maxAmount: 1,
  from: 1,
  to: 1,
  km: 1,
  hours: 1,
  speedKmh: 1,
  deviceId: 1,
  knownDevices: 1,
  whitelisted: 1,
  coolOffUntil: 1,
  deposited: 1,
  withdrawing: 1,
  traded: 1,
  threshold: 1,
  category: 1,
  chargebacks: 1,
  last: 1,
} as const;
type EvidenceKey = keyof typeof EVIDENCE_KEYS;
const CATEGORIES = { DOMESTIC: 1, CROSS_BORDER: 1, CASH: 1 } as const;

const MONEY_KEYS = new Set([
  "amount",
  "limit",
  "last24h",
  "maxAmount",
  "deposited",
  "withdrawing",
  "traded",
  "threshold",
]);

export function HitEvidence({ hits }: { hits: AmlHit[] }) {
  const { t, fmt } = useI18n();
  const label = (k: string) => (k in EVIDENCE_KEYS ? t(`payments.evidence.${k as EvidenceKey}`) : k);
  const show = (k: string, v: string | number | boolean | null) => {
    if (k === "category" && typeof v === "string") {
      return v
        .split(",")
        .map((c) => (c in CATEGORIES ? t(`payments.largeValue.categories.${c as keyof typeof CATEGORIES}`) : c))
        .join(", ");
    }
    if (typeof v === "number") return MONEY_KEYS.has(k) ? fmt.money(v) : fmt.number(v, Number.isInteger(v) ? 0 : 2);
    if (typeof v === "string" && /^\d{4}-\d{2}-\d{2}T/.test(v)) return fmt.dateTime(new Date(v));
    if (typeof v === "boolean") return v ? t("common.yes") : t("common.no");
    return v ?? "—";
  };
  return (
    <ul className={styles.hits} aria-label={t("payments.detail.aml")}>
      {hits.map((h) => (
        <li key={h.rule} className={styles.hit} data-testid={`hit-${h.rule}`}>
          <div className={styles.hitHead}>
            <span>{t(`payments.rule.${h.rule}`)}</span>
            <span className="muted">{t("payments.detail.weight", { weight: h.weight })}</span>
          </div>
          <dl className={styles.evidence}>
            {Object.entries(h.evidence).map(([k, v]) => (
              <div key={k} style={{ display: "contents" }}>
                <dt>{label(k)}</dt>
                <dd>{show(k, v)}</dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
