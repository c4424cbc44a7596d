// The integration API's shared plumbing (DESIGN 10): session-cookie or bearer authentication,
// permission check from the same map as tRPC, and the error envelope
// {"error":{"code","message","issues"?}} with 400 / 401 / 403 / 404.
import { ZodError, type ZodType } from "zod";
import { resolveRequestUser } from "../../auth/request-user";
import { hasPermission, type Permission } from "../../auth/roles";
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

/** Wraps a v1 handler: authenticates, authorizes ("any" = any signed-in role) and maps errors. */
export function apiRoute(
  permission: Permission | "any",
  handler: (req: Request, ctx: ApiContext) => Promise<unknown>,
): (req: Request) => Promise<Response> {
  return async (req) => {
    try {
      const rt = await getRuntime();
      const user = await resolveRequestUser(rt.db.prisma, req.headers);
      if (!user) return errorResponse(401, "UNAUTHORIZED", "Sign in, or send Authorization: Bearer <token>.");
      if (user.totpPending) return errorResponse(403, "FORBIDDEN", "Enroll two-factor authentication (TOTP) first.");
      if (permission !== "any" && !hasPermission(user.role, permission)) {
        return errorResponse(403, "FORBIDDEN", `Your role (${user.role}) may not do this (${permission}).`);
      }
      const body = await handler(req, { rt, user });
      return body instanceof Response ? body : Response.json(body);
    } catch (err) {
      return fromError(err);
    }
  };
}

const PROTO_KEY = Symbol("__proto__ key");

/**
 * Parses a JSON body with a zod schema; bad JSON or a bad shape is a 400 (nothing changes). A "__proto__"
 * key is refused: JSON.parse keeps it as an own key, which zod records would otherwise drop silently.
 */
export async function parseJsonBody<T>(req: Request, schema: ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(await req.text(), (key, value: unknown) => {
      if (key === "__proto__") throw PROTO_KEY;
      return value;
    });
  } catch (err) {
    if (err === PROTO_KEY) throw new AppError("BAD_REQUEST", 'The body may not contain the key "__proto__".');
    throw new AppError("BAD_REQUEST" satisfies AppErrorCode, "The request body must be valid JSON.");
  }
  return schema.parse(raw);
}
