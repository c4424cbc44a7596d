// POST /api/oncall/ack: the form on the acknowledge-link page. The HMAC-signed, expiring link is the
// credential (no session); the paged person acknowledges. Answers with a redirect back to the page
// showing the outcome; a bad or expired link changes nothing. Throttled per client address and per
// page (server/oncall/ack-throttle.ts): over the limit it answers 429 with Retry-After.
import { readBodyCapped } from "@/server/api/request-limits";
import { isAppError } from "@/server/errors";
import { clientIpOf, getAckThrottle } from "@/server/oncall/ack-throttle";
import { acknowledgeByLink } from "@/server/oncall/incident-actions";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

function tooMany(retryAfterS: number): Response {
  // The person pressed a button in a browser: a readable page in both languages, with the standard header.
  const body = `<!doctype html><meta charset="utf-8"><title>429</title><p>Too many attempts with this link; try again in ${retryAfterS} s.</p><p>此链接尝试次数过多，请 ${retryAfterS} 秒后再试。</p><p><a href="/oncall">Minute Desk</a></p>`;
  return new Response(body, {
    status: 429,
    headers: { "retry-after": String(retryAfterS), "content-type": "text/html; charset=utf-8" },
  });
}

export async function POST(req: Request): Promise<Response> {
  const back = (params: Record<string, string>) =>
    new Response(null, { status: 303, headers: { location: `/oncall/ack?${new URLSearchParams(params).toString()}` } });
  const raw = await readBodyCapped(req, 4096).catch(() => null);
  const form = new URLSearchParams(raw ?? "");
  const wait = await getAckThrottle().take(clientIpOf(req.headers), form.get("p"));
  if (wait !== null) return tooMany(wait);
  if (raw === null) return back({ result: "invalid" });
  const query = { p: form.get("p") ?? undefined, e: form.get("e") ?? undefined, s: form.get("s") ?? undefined };
  const rt = await getRuntime();
  const oncall = rt.services.oncall;
  try {
    await acknowledgeByLink(rt.db.prisma, oncall.ackKey, query, Date.now(), oncall.now());
    return back({ result: "ok" });
  } catch (err) {
    if (isAppError(err) && err.code === "CONFLICT") return back({ result: "conflict", message: err.message });
    if (isAppError(err)) return back({ ...query, p: query.p ?? "", e: query.e ?? "", s: query.s ?? "" });
    throw err;
  }
}
