import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { reportCsvOperation } from "@/server/api/v1/operations/reports";
import { reportCsvResponse } from "@/server/reports/report-access";

export const dynamic = "force-dynamic";

// The report as CSV with a BOM (Excel opens the Chinese labels correctly).
export const GET = serveOperation(reportCsvOperation, async ({ params }, _req, { rt, user }) =>
  reportCsvResponse(rt.db.prisma, user, params.id),
);
