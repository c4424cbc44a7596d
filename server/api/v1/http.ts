// The integration API's shared plumbing (DESIGN 10): session-cookie or bearer authentication,
// the same authorize() as the tRPC procedures, and the error envelope
// {"error":{"code","message","issues"?}} with 400 / 401 / 403 / 404, the transport limits
// (413 / 415 / 429) and a correlation id on every 500.
import { ZodError, type ZodType } from "zod";
import { authorize } from "../../auth/authorize";
import { runWithRequestFacts } from "../../auth/request-context";
import { resolveRequestUser } from "../../auth/request-user";
import type { Permission } from "../../auth/roles";
import type { SessionUser } from "../../auth/sign-in";
import { HTTP_STATUS, isAppError } from "../../errors";
import { getRuntime, type Runtime } from "../../runtime";
import { internalErrorMessage, reportInternalError } from "../internal-error";
import { assertJsonContentType, assertNoNul, readBodyCapped, MAX_BODY_BYTES } from "../request-limits";
import { observeRequest } from "../observe-request";
import { parseJsonText } from "../parse-json-text";

export function errorResponse(
  status: number,
  code: string,
  message: string,
  issues?: unknown,
  headers?: HeadersInit,
): Response {
  return Response.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status, headers });
}

/** Any thrown value as the error envelope: AppError and zod errors keep their message, the rest is a 500 with a reference. */
export function errorToResponse(err: unknown, where: string, requestId?: string): Response {
  if (isAppError(err)) {
    const headers = err.retryAfterSeconds
      ? { "Retry-After": String(Math.max(1, Math.ceil(err.retryAfterSeconds))) }
      : undefined;
    return errorResponse(HTTP_STATUS[err.code], err.code, err.message, undefined, headers);
  }
  if (err instanceof ZodError) {
    return errorResponse(
      400,
      "BAD_REQUEST",
      err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
      err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  const ref = reportInternalError(where, err, requestId);
  return Response.json(
    { error: { code: "INTERNAL_SERVER_ERROR", message: internalErrorMessage(ref), ref } },
    { status: 500 },
  );
}

export interface ApiContext {
  rt: Runtime;
  user: SessionUser;
}

/**
 * Wraps a v1 handler: request id and latency, authenticates, authorizes ("any" = any signed-in role) and maps errors.
 * `writes`: the route changes data, so an API token needs the "write" scope (the calculators,
 * which write nothing, are reads). Refusals are audited; token calls name the token in the audit.
 */
export function apiRoute(
  permission: Permission | "any",
  handler: (req: Request, ctx: ApiContext) => Promise<unknown>,
  opts: { writes?: boolean } = {},
): (req: Request) => Promise<Response> {
  return observeRequest(async (req, scope) => {
    try {
      assertNoNul(req.url, "URL");
      const rt = await getRuntime();
      const user = await resolveRequestUser(rt.db.prisma, req.headers);
      if (!user) return errorResponse(401, "UNAUTHORIZED", "Sign in, or send Authorization: Bearer <token>.");
      return await runWithRequestFacts({ token: user.token ?? null }, async () => {
        const refusal = await authorize(rt.db.prisma, user, {
          need: permission,
          kind: opts.writes ? "mutation" : "query",
          path: new URL(req.url).pathname,
        });
        if (refusal) return errorResponse(403, "FORBIDDEN", refusal);
        const body = await handler(req, { rt, user });
        return body instanceof Response ? body : Response.json(body);
      });
    } catch (err) {
      return errorToResponse(err, `api/v1 ${new URL(req.url).pathname}`, scope.requestId);
    }
  });
}

/**
 * Parses a JSON body with a zod schema: not application/json -> 415, over maxBytes -> 413 (before
 * it is buffered), bad JSON, a NUL character or a bad shape -> 400; nothing changes. A "__proto__"
 * key is refused: JSON.parse keeps it as an own key, which zod records would otherwise drop silently.
 */
export async function parseJsonBody<T>(req: Request, schema: ZodType<T>, maxBytes = MAX_BODY_BYTES): Promise<T> {
  assertJsonContentType(req.headers);
  const text = await readBodyCapped(req, maxBytes);
  assertNoNul(text, "request body");
  const raw = parseJsonText(text);
  return schema.parse(raw);
}
