// Who reads which report kind (the regulatory report lists STRs: only its readers may open it),
// and the exports shared by the v1 routes.
import type { PrismaClient } from "../db/generated/client";
import { hasPermission, type Role } from "../auth/roles";
import { AppError } from "../errors";
import { REPORT_KINDS, VIEW_PERMISSION, isReportKind, type ReportKind } from "./report-kinds";
import { auditExport, readReport, reportFileName } from "./report-service";
import { reportToCsv } from "./csv-export";
import type { ReportDocument } from "./report-document";

export function kindsVisibleTo(role: Role): ReportKind[] {
  return REPORT_KINDS.filter((k) => hasPermission(role, VIEW_PERMISSION[k]));
}

export function assertCanRead(role: Role, kind: string): void {
  if (!isReportKind(kind) || !hasPermission(role, VIEW_PERMISSION[kind]))
    throw new AppError("FORBIDDEN", "Your role may not read this kind of report.");
}

/** A report the caller may read, with its document; NOT_FOUND and FORBIDDEN as AppErrors. */
export async function readReportFor(prisma: PrismaClient, user: { role: Role }, id: string) {
  const r = await readReport(prisma, id);
  assertCanRead(user.role, r.kind);
  return r;
}

const attachment = (name: string) => `attachment; filename="${name}"`;

export async function reportCsvResponse(
  prisma: PrismaClient,
  user: { id: string; email: string; role: Role },
  id: string,
) {
  const r = await readReportFor(prisma, user, id);
  const csv = reportToCsv(r.document);
  await auditExport(prisma, user, id, "csv");
  return new Response(csv, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": attachment(reportFileName(r.document, "csv")),
      "cache-control": "no-store",
    },
  });
}

export async function reportPdfResponse(
  prisma: PrismaClient,
  user: { id: string; email: string; role: Role },
  id: string,
  render: (doc: ReportDocument) => Promise<Uint8Array>,
) {
  const r = await readReportFor(prisma, user, id);
  const bytes = await render(r.document);
  await auditExport(prisma, user, id, "pdf");
  return new Response(Buffer.from(bytes), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": attachment(reportFileName(r.document, "pdf")),
      "cache-control": "no-store",
    },
  });
}
