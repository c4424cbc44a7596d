// DESIGN 10: POST /api/v1/detectors/bocpd (any role; no database writes).
import { apiRoute, parseJsonBody } from "@/server/api/v1/http";
import { bocpdBody, detectBocpd } from "@/server/market/detectors/detector-api";

export const dynamic = "force-dynamic";

export const POST = apiRoute("any", async (req) => detectBocpd(await parseJsonBody(req, bocpdBody)));
