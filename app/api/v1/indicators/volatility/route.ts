// DESIGN 10: POST /api/v1/indicators/volatility (any role; no database writes; run in the compute pool).
import { serveOperation } from "@/server/api/v1/contract/serve-operation";
import { volatilityOperation } from "@/server/api/v1/operations/market";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = serveOperation(volatilityOperation, async ({ body }, req) =>
  runCompute("indicators.volatility", body, { signal: req.signal }),
);
