"use client";
// One section of a ReportDocument in the browser, in the reader's language: facts, a table
// (rows linked to their account), a bar chart, or text. The same document feeds the CSV and PDF.
import Link from "next/link";
import type { Bilingual, ReportSection } from "@/server/reports/report-document";
import { useI18n } from "../i18n/i18n-provider";
import styles from "./reports.module.css";

export function useLabel() {
  const { locale } = useI18n();
  return (l: Bilingual) => (locale === "zh-CN" ? l.zh : l.en);
}

export function ReportSectionView({ section: s }: { section: ReportSection }) {
  const label = useLabel();
  const { t, fmt } = useI18n();
  const headingId = `section-${s.id}`;
  return (
    <section className="panel stack" aria-labelledby={headingId}>
      <h2 id={headingId}>{label(s.heading)}</h2>
      {s.kind === "text" && <p className={styles.textBody}>{s.body}</p>}
      {s.kind === "facts" && (
        <dl className="facts">
          {s.facts.map((f) => (
            <div key={f.label.en}>
              <dt>{label(f.label)}</dt>
              <dd>{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
      {s.kind === "table" &&
        (s.rows.length === 0 ? (
          <p className="muted">{label(s.empty)}</p>
        ) : (
          <div className={styles.tableWrap}>
            <table className="table">
              <thead>
                <tr>
                  {s.columns.map((c, i) => (
                    <th key={c.en} scope="col" className={s.numeric?.includes(i) ? "num" : undefined}>
                      {label(c)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {s.rows.map((r, ri) => {
                  const href = s.links?.[ri] ?? null;
                  return (
                    <tr key={ri} tabIndex={0}>
                      {r.map((cell, ci) => (
                        <td key={ci} className={s.numeric?.includes(ci) ? "num" : undefined}>
                          {ci === (s.linkColumn ?? 0) && href ? (
                            <Link href={href} className="mono">
                              {cell}
                            </Link>
                          ) : (
                            cell
                          )}
                        </td>
                      ))}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        ))}
      {s.kind === "table" && s.note && <p className="muted small">{label(s.note)}</p>}
      {s.kind === "chart" &&
        (s.bars.length === 0 ? (
          <p className="muted">{label(s.empty)}</p>
        ) : (
          <>
            <p className="muted small">{t("reports.view.unit", { unit: label(s.unit) })}</p>
            <div className={styles.bars} role="img" aria-label={label(s.heading)}>
              {(() => {
                const max = Math.max(...s.bars.map((b) => Math.abs(b.value)), 0);
                return s.bars.map((b) => (
                  <div key={b.label} style={{ display: "contents" }}>
                    <span className="small">{b.label}</span>
                    <div className={styles.barTrack}>
                      <div
                        className={styles.bar}
                        style={{ width: `${max > 0 ? (Math.abs(b.value) / max) * 100 : 0}%` }}
                      />
                    </div>
                    <span className="num small">{fmt.number(b.value, Number.isInteger(b.value) ? 0 : 2)}</span>
                  </div>
                ));
              })()}
            </div>
          </>
        ))}
    </section>
  );
}
