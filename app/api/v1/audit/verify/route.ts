import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { verifyAuditOperation } from "@/server/api/v1/operations/ops";
import { verifyAuditChain } from "@/server/audit/audit-service";

export const dynamic = "force-dynamic";

export const GET = serveOperation(verifyAuditOperation, async (_input, _req, { rt }) => verifyAuditChain(rt.db.prisma));
