import { bootPhase } from "@/server/boot-phase";
import { observeRequest } from "@/server/api/observe-request";
import { assessReadiness } from "@/server/api/v1/readiness";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const GET = observeRequest(async () => {
  const phase = bootPhase();
  // Never wait for the runtime: while it boots the answer is "not yet", at once.
  if (phase !== "ready") {
    const r = assessReadiness({ phase, dbOk: false, leader: false, engine: null });
    return Response.json({ status: "not-ready", ...r }, { status: 503, headers: { "retry-after": "5" } });
  }
  const rt = await getRuntime();
  let dbOk = true;
  try {
    await rt.db.sql.query("SELECT 1 AS ok");
  } catch {
    dbOk = false;
  }
  const r = assessReadiness({
    phase,
    dbOk,
    leader: rt.leader?.isLeader() ?? false,
    engine: rt.engine?.status() ?? null,
  });
  return Response.json(
    { status: r.ready ? "ready" : "not-ready", ...r },
    { status: r.ready ? 200 : 503, ...(r.ready ? {} : { headers: { "retry-after": "5" } }) },
  );
});
