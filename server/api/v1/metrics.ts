// GET /api/v1/metrics: Prometheus text format for a scraper holding METRICS_TOKEN, or an ADMIN
// (session or API token). Not a tRPC permission: only this route serves it, and only ADMIN.
import crypto from "node:crypto";
import type { SessionUser } from "../../auth/sign-in";
import type { Database } from "../../db/connection";
import type { MarketEngine } from "../../engine/market-engine";
import { renderMetrics } from "../../metrics/collect";
import { errorResponse } from "./http";

export interface MetricsDeps {
  rt: { db: Database; engine: MarketEngine | null };
  metricsToken: string | undefined;
  resolveUser(headers: Headers): Promise<SessionUser | null>;
}

function sameSecret(given: string, expected: string): boolean {
  const a = crypto.createHash("sha256").update(given).digest();
  const b = crypto.createHash("sha256").update(expected).digest();
  return crypto.timingSafeEqual(a, b);
}

export async function serveMetrics(req: Request, deps: MetricsDeps): Promise<Response> {
  const authz = req.headers.get("authorization");
  const bearer = authz?.toLowerCase().startsWith("bearer ") ? authz.slice(7).trim() : null;
  const scraper = deps.metricsToken !== undefined && bearer !== null && sameSecret(bearer, deps.metricsToken);
  if (!scraper) {
    const user = await deps.resolveUser(req.headers);
    if (!user)
      return errorResponse(401, "UNAUTHORIZED", "Send Authorization: Bearer <METRICS_TOKEN>, or sign in as an ADMIN.");
    if (user.totpPending) return errorResponse(403, "FORBIDDEN", "Enroll two-factor authentication (TOTP) first.");
    if (user.role !== "ADMIN")
      return errorResponse(403, "FORBIDDEN", `Your role (${user.role}) may not read metrics (ADMIN only).`);
  }
  const { body, contentType } = await renderMetrics(deps.rt);
  return new Response(body, { status: 200, headers: { "content-type": contentType, "cache-control": "no-store" } });
}
