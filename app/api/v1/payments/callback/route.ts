// POST /api/v1/payments/callback: the bank's signed rail answers (P1). No session: the HMAC
// signature over the raw body authenticates the bank (see server/payments/callback.ts). The
// throttle, the signature header's form, the media type and the size are checked before the body
// is read (server/payments/callback-gate.ts).
import { errorToResponse } from "@/server/api/v1/http";
import { assertJsonContentType, readBodyCapped } from "@/server/api/request-limits";
import { observeRequest } from "@/server/api/observe-request";
import { handleCallback, resolveCallbackSecret } from "@/server/payments/callback";
import {
  assertSignatureHeader,
  CALLBACK_MAX_BODY_BYTES,
  getCallbackThrottle,
  throttleCallback,
} from "@/server/payments/callback-gate";
import { getAuthSecret, getRuntime } from "@/server/runtime";

export const dynamic = "force-dynamic";

export const POST = observeRequest(async (req: Request, scope): Promise<Response> => {
  try {
    const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || null;
    const rt = await getRuntime();
    await throttleCallback(getCallbackThrottle(rt.db.prisma), ip);
    const secret = resolveCallbackSecret({
      demo: rt.demo,
      configured: rt.env.PAYMENTS_CALLBACK_SECRET,
      authSecret: getAuthSecret,
    });
    await assertSignatureHeader(rt.db.prisma, req.headers, ip);
    assertJsonContentType(req.headers);
    const raw = await readBodyCapped(req, CALLBACK_MAX_BODY_BYTES);
    return Response.json(await handleCallback(rt.db.prisma, raw, req.headers.get("x-signature"), secret, ip));
  } catch (err) {
    return errorToResponse(err, "api/v1/payments/callback", scope.requestId);
  }
});
