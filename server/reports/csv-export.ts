// A report as CSV (through server/csv: UTF-8 BOM, formula escaping): the title block first, then
// each section as its own block (heading row, column row, data rows), both languages in labels.
import { toCsv } from "../csv/to-csv";
import type { Bilingual, ReportDocument } from "./report-document";

const both = (l: Bilingual) => `${l.en} / ${l.zh}`;

export function reportToCsv(doc: ReportDocument): string {
  const rows: string[][] = [
    ["Institution / 机构", both(doc.institution)],
    ["Period / 报告期", doc.period.label, doc.period.start, doc.period.end],
    ["Generated / 生成时间", doc.generatedAt],
    ["Status / 状态", doc.status],
    ["Data SHA-256 / 数据哈希", doc.dataHash],
    ["Audit chain head / 审计链头", doc.auditHead ? `#${doc.auditHead.id} ${doc.auditHead.hash}` : ""],
  ];
  for (const s of doc.sections) {
    rows.push([]);
    rows.push([`## ${both(s.heading)}`]);
    if (s.kind === "facts") for (const f of s.facts) rows.push([both(f.label), f.value]);
    else if (s.kind === "text") rows.push([s.body]);
    else if (s.kind === "table") {
      rows.push(s.columns.map(both));
      if (s.rows.length === 0) rows.push([both(s.empty)]);
      for (const r of s.rows) rows.push(r);
      if (s.note) rows.push([both(s.note)]);
    } else {
      rows.push(["label", both(s.unit)]);
      if (s.bars.length === 0) rows.push([both(s.empty)]);
      for (const b of s.bars) rows.push([b.label, String(b.value)]);
    }
  }
  return toCsv(["Report / 报告", both(doc.title)], rows);
}
