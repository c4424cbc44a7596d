// DESIGN 10: POST /api/v1/indicators/volatility (any role; no database writes; run in the compute pool).
import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import { volatilityBody } from "@/server/market/detectors/detector-api";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = apiRoute("any", async (req) =>
  runCompute("indicators.volatility", await parseJsonBody(req, volatilityBody), { signal: req.signal }),
);
