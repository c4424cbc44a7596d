import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { startRunOperation } from "@/server/api/v1/operations/stress";
import { startStressRun } from "@/server/stress/stress-runs";

export const dynamic = "force-dynamic";

// DESIGN 10: start a stress run (RISK, MANAGER); 202 with its id, it runs in the stress worker pool.
export const POST = serveOperation(startRunOperation, async ({ body }, _req, { rt, user }) => {
  const run = await startStressRun({ prisma: rt.db.prisma, sql: rt.db.sql, services: rt.services }, user, body);
  return Response.json(run, { status: 202 });
});
