import { apiRoute } from "@/server/api/v1/http";
import { verifyAuditChain } from "@/server/audit/audit-service";

export const dynamic = "force-dynamic";

export const GET = apiRoute("audit.verify", async (_req, { rt }) => verifyAuditChain(rt.db.prisma));
