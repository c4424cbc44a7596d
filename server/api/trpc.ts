// tRPC initialised once: superjson, a zod-aware error formatter, SSE pings, and the base
// procedures. Every procedure is built from permissionProcedure(permission) or
// protectedProcedure; the permission is also stored in the procedure's meta so tests and the
// navigation can be generated from the one map in server/auth/roles.ts.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { hasPermission, type Permission } from "../auth/roles";
import { isAppError } from "../errors";
import type { Context } from "./context";
import { internalErrorMessage, reportInternalError } from "./internal-error";

export interface Meta {
  /** "authenticated": any signed-in user; "public": no session needed. */
  permission: Permission | "authenticated" | "public";
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    transformer: superjson,
    sse: { ping: { enabled: true, intervalMs: 10_000 }, client: { reconnectAfterInactivityMs: 25_000 } },
    errorFormatter({ shape, error, path }) {
      const zod = error.cause instanceof ZodError ? error.cause : null;
      if (error.code === "INTERNAL_SERVER_ERROR") {
        // No internals (a Prisma message, a stack) reach the caller: a reference instead, details in the log.
        const ref = reportInternalError(`trpc ${path ?? "?"}`, error.cause ?? error);
        return { ...shape, message: internalErrorMessage(ref), data: { ...shape.data, stack: undefined, ref } };
      }
      return {
        ...shape,
        message: zod ? describeZodError(zod) : shape.message,
        data: { ...shape.data, issues: zod ? zod.issues.map((i) => ({ path: i.path.join("."), message: i.message })) : undefined },
      };
    },
  });

function describeZodError(err: ZodError): string {
  return err.issues.map((i) => (i.path.length > 0 ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; ");
}

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Domain errors become tRPC errors with the same code and message. */
const mapAppErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok && isAppError(result.error.cause)) {
    const cause = result.error.cause;
    throw new TRPCError({ code: cause.code, message: cause.message, cause });
  }
  return result;
});

export const publicProcedure = t.procedure.meta({ permission: "public" }).use(mapAppErrors);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { user: ctx.user } });
});

/** Any signed-in user, including one who still has to enroll TOTP. */
export const protectedProcedure = t.procedure.meta({ permission: "authenticated" }).use(mapAppErrors).use(requireUser);

export function permissionProcedure(permission: Permission) {
  return t.procedure
    .meta({ permission })
    .use(mapAppErrors)
    .use(requireUser)
    .use(({ ctx, next }) => {
      if (ctx.user.totpPending) {
        throw new TRPCError({ code: "FORBIDDEN", message: "Enroll two-factor authentication (TOTP) first." });
      }
      if (!hasPermission(ctx.user.role, permission)) {
        throw new TRPCError({ code: "FORBIDDEN", message: `Your role (${ctx.user.role}) may not do this (${permission}).` });
      }
      return next();
    });
}
