// POST /api/oncall/ack: the form on the acknowledge-link page. The HMAC-signed, expiring link is the
// credential (no session); the paged person acknowledges. Answers with a redirect back to the page
// showing the outcome; a bad or expired link changes nothing.
import { readBodyCapped } from "@/server/api/request-limits";
import { isAppError } from "@/server/errors";
import { acknowledgeByLink } from "@/server/oncall/incident-actions";
import { getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export async function POST(req: Request): Promise<Response> {
  const back = (params: Record<string, string>) =>
    new Response(null, { status: 303, headers: { location: `/oncall/ack?${new URLSearchParams(params).toString()}` } });
  const raw = await readBodyCapped(req, 4096).catch(() => null);
  if (raw === null) return back({ result: "invalid" });
  const form = new URLSearchParams(raw);
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
