// DESIGN 10: POST /api/v1/capital/euler (RISK, MANAGER, AUDITOR; no database writes). The body is read
// here (415 / 413 / NUL checks) and parsed, validated and computed in the compute pool, so even the
// largest allowed matrix never holds the server's thread.
import { apiRoute } from "@/server/api/v1/http";
import { assertJsonContentType, assertNoNul, readBodyCapped } from "@/server/api/request-limits";
import { runCompute } from "@/server/workers/compute-pool";

export const dynamic = "force-dynamic";

export const POST = apiRoute("capital.view", async (req) => {
  assertJsonContentType(req.headers);
  const text = await readBodyCapped(req);
  assertNoNul(text, "request body");
  return runCompute("capital.euler", text, { signal: req.signal });
});
