// DESIGN 10: POST /api/v1/surveillance/evaluate (COMPLIANCE, AUDITOR; no writes). The body (up to
// 8 MB, documented) is read here and parsed, validated and evaluated in the compute pool.
import { apiRoute } from "@/server/api/v1/http";
import { assertJsonContentType, assertNoNul, readBodyCapped } from "@/server/api/request-limits";
import { EVALUATE_LIMITS } from "@/server/surveillance/evaluate-api";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = apiRoute("surveillance.view", async (req) => {
  assertJsonContentType(req.headers);
  const text = await readBodyCapped(req, EVALUATE_LIMITS.bodyBytes);
  assertNoNul(text, "request body");
  return runCompute("surveillance.evaluate", { text }, { signal: req.signal });
});
