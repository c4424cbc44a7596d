// DESIGN 10: POST /api/v1/detectors/cusum (any role; no database writes; run in the compute pool).
import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { cusumOperation } from "@/server/api/v1/operations/market";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = serveOperation(cusumOperation, async ({ body }, req) =>
  runCompute("detectors.cusum", body, { signal: req.signal }),
);
