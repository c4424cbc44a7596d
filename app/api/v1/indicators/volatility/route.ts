// DESIGN 10: POST /api/v1/indicators/volatility (any role; no database writes).
import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import { computeVolatility, volatilityBody } from "@/server/market/detectors/detector-api";

export const dynamic = "force-dynamic";

export const POST = apiRoute("any", async (req) => computeVolatility(await parseJsonBody(req, volatilityBody)));
