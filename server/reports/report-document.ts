// The one shape every report is rendered from: the browser view, the CSV and the PDF all read a
// ReportDocument, so the three can never disagree. Labels carry both languages (the PDF prints
// both; the browser picks the reader's); values are formatted strings with their units.
export interface Bilingual {
  en: string;
  zh: string;
}

export const INSTITUTION: Bilingual = {
  en: "Minute Desk margin-financing platform",
  zh: "Minute Desk 配资平台",
};

export type ReportSection =
  | { kind: "facts"; id: string; heading: Bilingual; facts: Array<{ label: Bilingual; value: string }> }
  | {
      kind: "table";
      id: string;
      heading: Bilingual;
      columns: Bilingual[];
      /** Columns whose cells are numbers (right-aligned). */
      numeric?: number[];
      rows: string[][];
      /** Shown instead of the table when it has no rows. */
      empty: Bilingual;
      /** e.g. "first 200 of 1,234 rows" */
      note?: Bilingual;
      /** Per row, the console path of the object it names (an account, a case), or null. */
      links?: Array<string | null>;
      /** The column whose cell carries the row's link (default 0). */
      linkColumn?: number;
    }
  | {
      kind: "chart";
      id: string;
      heading: Bilingual;
      unit: Bilingual;
      bars: Array<{ label: string; value: number }>;
      empty: Bilingual;
    }
  | { kind: "text"; id: string; heading: Bilingual; body: string };

export interface ReportDocument {
  kind: string;
  title: Bilingual;
  period: { start: string; end: string; label: string };
  institution: Bilingual;
  generatedAt: string;
  dataHash: string;
  auditHead: { id: number; hash: string } | null;
  status: string;
  sections: ReportSection[];
}

const cny = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const int = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** CNY with two decimals and the currency code ("CNY 1,234.50"); -0 prints as 0. */
export function fmtCny(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "-";
  return `CNY ${cny.format(v === 0 ? 0 : v)}`;
}
export function fmtInt(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "-";
  return int.format(v);
}
/** A ratio shown as a percentage with one decimal ("12.5%"). */
export function fmtPct(ratio: number | null | undefined, digits = 1): string {
  if (ratio === null || ratio === undefined || !Number.isFinite(ratio)) return "-";
  return `${(ratio * 100).toFixed(digits)}%`;
}
export function fmtBps(v: number | null | undefined): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return "-";
  return `${v.toFixed(1)} bps`;
}
/** An instant in Asia/Shanghai as "YYYY-MM-DD HH:mm" (the desk's and the regulator's clock). */
export function fmtShanghai(ts: Date | number | string): string {
  const d = new Date(typeof ts === "string" ? Date.parse(ts) : ts);
  if (Number.isNaN(d.getTime())) return "-";
  return new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace("T", " ");
}
