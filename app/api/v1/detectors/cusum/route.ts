// DESIGN 10: POST /api/v1/detectors/cusum (any role; no database writes).
import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import { cusumBody, detectCusum } from "@/server/market/detectors/detector-api";

export const dynamic = "force-dynamic";

export const POST = apiRoute("any", async (req) => detectCusum(await parseJsonBody(req, cusumBody)));
