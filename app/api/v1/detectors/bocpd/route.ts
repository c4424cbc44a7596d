// DESIGN 10: POST /api/v1/detectors/bocpd (any role; no database writes; capped at points x
// maxRunLength, run in the compute pool so the engine's thread never waits for it).
import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import { bocpdBody } from "@/server/market/detectors/detector-api";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = apiRoute("any", async (req) =>
  runCompute("detectors.bocpd", await parseJsonBody(req, bocpdBody), { signal: req.signal }),
);
