// v1 operations of the reports (DESIGN 10, T4): a report as PDF, and as CSV, for whoever may read
// its kind (the regulatory report: COMPLIANCE and AUDITOR).
import { z } from "zod";
import { defineOperation } from "../contract/operation";

const reportId = z.object({
  id: z
    .string()
    .min(1, "the report id is empty")
    .max(64, "the report id is at most 64 characters")
    .meta({ description: "The report id" }),
});

const errors = {
  403: "Signed in, but the role may not read this kind of report (regulatory reports: COMPLIANCE, AUDITOR)",
  404: "No such report",
} as const;

export const reportPdfOperation = defineOperation({
  method: "get",
  path: "/reports/{id}/pdf",
  operationId: "getReportPdf",
  tags: ["reports"],
  summary: "A report as PDF (its readers: RISK, COMPLIANCE, MANAGER, AUDITOR; regulatory: COMPLIANCE, AUDITOR)",
  description:
    "A4, title in English and Chinese, institution, period (Asia/Shanghai), tables, a chart, page numbers, and the sha256 of the data and the audit chain head it was built from. Rendered in the compute pool; each download is audited.",
  auth: { permission: "reports.view" },
  params: reportId,
  compute: true,
  responses: {
    200: { description: "The PDF", schema: z.string(), mediaType: "application/pdf" },
  },
  errors,
});

export const reportCsvOperation = defineOperation({
  method: "get",
  path: "/reports/{id}/csv",
  operationId: "getReportCsv",
  tags: ["reports"],
  summary: "A report as CSV (UTF-8 with BOM; the same readers as the PDF)",
  description:
    "The title block (institution, period, generation time, data sha256, audit chain head), then each section as a block: heading row, column row, rows. Cells that start with = + - @ are escaped. Each download is audited.",
  auth: { permission: "reports.view" },
  params: reportId,
  responses: {
    200: { description: "The CSV", schema: z.string(), mediaType: "text/csv; charset=utf-8" },
  },
  errors,
});

export const reportsOperations = [reportPdfOperation, reportCsvOperation];
