// The PDF export read back with unpdf: a valid PDF whose text has the title in both languages, the
// period, the institution, every section heading, table cells (Chinese client names included), the
// page numbers and the data hash; and the CSV: BOM, both languages, formulas escaped.
import { extractText, getDocumentProxy } from "unpdf";
import { describe, expect, it } from "vitest";
import { reportToCsv } from "../csv-export";
import { toReportDocument } from "../report-kinds";
import type { WeeklyRiskData } from "../weekly-risk";
import { renderReportPdf } from "./render-pdf";

const data: WeeklyRiskData = {
  book: { accounts: 3, debt: 3_000_000, equity: 1_250_000, marketValue: 4_000_000 },
  statusNow: { HEALTHY: 1, WARNING: 1, LIQUIDATION: 1 },
  statusChanges: { WARNING: 4, LIQUIDATION: 1 },
  marginCalls: { opened: 2, escalated: 1 },
  tickets: { byStatus: { EXECUTED: 1 }, total: 1, shortfall: 0, meanSlippageBps: 12.5 },
  alerts: { VOL_SPIKE: 3 },
  daily: [
    { day: "2026-11-30", atRisk: 1 },
    { day: "2026-12-01", atRisk: 2 },
  ],
  top: [
    {
      accountId: "a1",
      code: "MD-000001",
      clientName: "张伟",
      cash: 0,
      debt: 2_000_000,
      marketValue: 2_500_000,
      equity: 500_000,
      leverage: 5,
      status: "LIQUIDATION",
    },
    {
      accountId: "a2",
      code: "MD-000002",
      clientName: '=HYPERLINK("http://x")',
      cash: 0,
      debt: 1_000_000,
      marketValue: 1_500_000,
      equity: 500_000,
      leverage: 3,
      status: null,
    },
  ],
};

const doc = toReportDocument({
  id: "r1",
  kind: "WEEKLY_RISK",
  periodKey: "2026-W49",
  periodStart: new Date("2026-11-29T16:00:00Z"),
  periodEnd: new Date("2026-12-06T16:00:00Z"),
  status: "FINAL",
  title: "Weekly Risk Report 2026-W49",
  data,
  dataHash: "ab".repeat(32),
  auditHeadId: 42,
  auditHeadHash: "cd".repeat(32),
  generatedAt: new Date("2026-12-07T00:05:00Z"),
  writeUp: null,
});

describe("report PDF", { timeout: 60_000 }, () => {
  it("is a PDF with title, period, institution, sections, Chinese text, page numbers and the hashes", async () => {
    const bytes = renderReportPdf(doc);
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(Buffer.from(bytes.subarray(-6)).toString("latin1")).toContain("%%EOF");
    // Only the glyphs used are embedded: far below the 1.5 MB font file.
    expect(bytes.length).toBeLessThan(300_000);
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: true });
    expect(totalPages).toBeGreaterThanOrEqual(1);
    for (const s of [
      "Weekly Risk Report",
      "每周风险报告",
      "2026-W49",
      "2026-11-30 00:00",
      "Minute Desk margin-financing platform",
      "配资平台",
      "Summary / 摘要",
      "Account status / 账户风险状态",
      "Largest exposures (by debt) / 最大风险暴露（按融资负债）",
      "张伟",
      "MD-000001",
      "CNY 2,000,000.00",
      "12.5 bps",
      `Page 1 of ${totalPages}`,
      `第 1 页，共 ${totalPages} 页`,
      "ab".repeat(32),
      `#42 ${"cd".repeat(32)}`,
    ]) {
      expect(text.replace(/\s+/g, " "), s).toContain(s);
    }
  });

  it("breaks a long table over pages, numbering every page", async () => {
    const many = { ...data, top: Array.from({ length: 120 }, (_, i) => ({ ...data.top[0]!, code: `MD-${i}` })) };
    const bytes = renderReportPdf({ ...doc, sections: toReportDocument({ ...baseRow(), data: many }).sections });
    const pdf = await getDocumentProxy(new Uint8Array(bytes));
    const { totalPages, text } = await extractText(pdf, { mergePages: false });
    expect(totalPages).toBeGreaterThan(2);
    text.forEach((page, i) => expect(page).toContain(`Page ${i + 1} of ${totalPages}`));
    expect(text.join(" ")).toContain("MD-119");
  });
});

function baseRow() {
  return {
    id: "r1",
    kind: "WEEKLY_RISK",
    periodKey: "2026-W49",
    periodStart: new Date("2026-11-29T16:00:00Z"),
    periodEnd: new Date("2026-12-06T16:00:00Z"),
    status: "FINAL",
    title: "t",
    data,
    dataHash: "ab".repeat(32),
    auditHeadId: null,
    auditHeadHash: null,
    generatedAt: new Date("2026-12-07T00:05:00Z"),
    writeUp: null,
  };
}

describe("report CSV", () => {
  it("starts with a BOM, carries both languages and escapes formulas from client names", () => {
    const csv = reportToCsv(doc);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain("Weekly Risk Report / 每周风险报告");
    expect(csv).toContain("张伟");
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);
  });
});
