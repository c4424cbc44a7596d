// DESIGN 10: POST /api/v1/detectors/bocpd (any role; no database writes; capped at points x
// maxRunLength, run in the compute pool so the engine's thread never waits for it).
import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { bocpdOperation } from "@/server/api/v1/operations/market";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = serveOperation(bocpdOperation, async ({ body }, req) =>
  runCompute("detectors.bocpd", body, { signal: req.signal }),
);
