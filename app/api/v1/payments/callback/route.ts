// POST /api/v1/payments/callback: the bank's signed rail answers (P1). No session: the HMAC
// signature over the raw body authenticates the bank (see server/payments/callback.ts).
import { ZodError } from "zod";
import { observeRequest } from "@/server/api/observe-request";
import { errorResponse } from "@/server/api/v1/http";
import { AppError, HTTP_STATUS } from "@/server/errors";
import { handleCallback, resolveCallbackSecret } from "@/server/payments/callback";
import { getAuthSecret, getRuntime } from "@/server/runtime";
import { domainLog } from "@/server/log";

export const dynamic = "force-dynamic";

export const POST = observeRequest(async (req: Request): Promise<Response> => {
  try {
    const rt = await getRuntime();
    const secret = resolveCallbackSecret({ demo: rt.demo, configured: process.env.PAYMENTS_CALLBACK_SECRET, authSecret: getAuthSecret });
    const raw = await req.text();
    const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
    return Response.json(await handleCallback(rt.db.prisma, raw, req.headers.get("x-signature"), secret, ip));
  } catch (err) {
    if (err instanceof AppError) return errorResponse(HTTP_STATUS[err.code], err.code, err.message);
    if (err instanceof ZodError) {
      return errorResponse(400, "BAD_REQUEST", err.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "), err.issues.map((i) => ({ path: i.path.join("."), message: i.message })));
    }
    domainLog("api").error({ err, path: "/api/v1/payments/callback" }, "unexpected error");
    return errorResponse(500, "INTERNAL_SERVER_ERROR", "Internal error; nothing was changed.");
  }
});
