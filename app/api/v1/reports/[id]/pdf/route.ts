import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { reportPdfOperation } from "@/server/api/v1/operations/reports";
import { reportPdfResponse } from "@/server/reports/report-access";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

// DESIGN 10: the report as application/pdf, rendered off the engine's thread.
export const GET = serveOperation(reportPdfOperation, async ({ params }, req, { rt, user }) =>
  reportPdfResponse(rt.db.prisma, user, params.id, (doc) =>
    runCompute("reports.pdf", doc, { timeoutMs: 30_000, signal: req.signal }),
  ),
);
