// The integration API's shared plumbing (DESIGN 10): session-cookie or bearer authentication,
// permission check from the same map as tRPC, and the error envelope
// {"error":{"code","message","issues"?}} with 400 / 401 / 403 / 404.
import { ZodError, type ZodType } from "zod";
import { auditForbidden } from "../../auth/access-denied";
import { runWithRequestFacts } from "../../auth/request-context";
import { resolveRequestUser } from "../../auth/request-user";
import { hasPermission, type Permission } from "../../auth/roles";
import { refuseTokenCall } from "../../auth/token-policy";
import type { SessionUser } from "../../auth/sign-in";
import { AppError, HTTP_STATUS, type AppErrorCode } from "../../errors";
import { getRuntime, type Runtime } from "../../runtime";

export function errorResponse(status: number, code: string, message: string, issues?: unknown): Response {
  return Response.json({ error: { code, message, ...(issues ? { issues } : {}) } }, { status });
}

function fromError(err: unknown): Response {
  if (err instanceof AppError) return errorResponse(HTTP_STATUS[err.code], err.code, err.message);
  if (err instanceof ZodError) {
    return errorResponse(
      400,
      "BAD_REQUEST",
      err.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
      err.issues.map((i) => ({ path: i.path.join("."), message: i.message })),
    );
  }
  console.error("[api/v1] unexpected error", err);
  return errorResponse(500, "INTERNAL_SERVER_ERROR", "Internal error; nothing was changed.");
}

export interface ApiContext {
  rt: Runtime;
  user: SessionUser;
}

/**
 * Wraps a v1 handler: authenticates, authorizes ("any" = any signed-in role) and maps errors.
 * `writes`: the route changes data, so an API token needs the "write" scope (the calculators,
 * which write nothing, are reads). Refusals are audited; token calls name the token in the audit.
 */
export function apiRoute(
  permission: Permission | "any",
  handler: (req: Request, ctx: ApiContext) => Promise<unknown>,
  opts: { writes?: boolean } = {},
): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      const rt = await getRuntime();
      const user = await resolveRequestUser(rt.db.prisma, req.headers);
      if (!user) return errorResponse(401, "UNAUTHORIZED", "Sign in, or send Authorization: Bearer <token>.");
      const refusal = user.totpPending
        ? "Enroll two-factor authentication (TOTP) first."
        : permission !== "any" && !hasPermission(user.role, permission)
          ? `Your role (${user.role}) may not do this (${permission}).`
          : user.token
            ? refuseTokenCall(user.token, permission, opts.writes ? "mutation" : "query")
            : null;
      return await runWithRequestFacts({ token: user.token ?? null }, async () => {
        if (refusal) {
          await auditForbidden(rt.db.prisma, user, { permission, path: new URL(req.url).pathname, reason: refusal });
          return errorResponse(403, "FORBIDDEN", refusal);
        }
        const body = await handler(req, { rt, user });
        return body instanceof Response ? body : Response.json(body);
      });
    } catch (err) {
      return fromError(err);
    }
  };
}

/** Parses a JSON body with a zod schema; bad JSON or a bad shape is a 400 (nothing changes). */
export async function parseJsonBody<T>(req: Request, schema: ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await req.json();
  } catch {
    throw new AppError("BAD_REQUEST" satisfies AppErrorCode, "The request body must be valid JSON.");
  }
  return schema.parse(raw);
}
