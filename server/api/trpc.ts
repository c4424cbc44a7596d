// tRPC initialised once: superjson, a zod-aware error formatter, SSE pings, and the base
// procedures. Every procedure is built from permissionProcedure(permission) or
// protectedProcedure; the permission is also stored in the procedure's meta so tests and the
// navigation can be generated from the one map in server/auth/roles.ts.
import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { authorize } from "../auth/authorize";
import { runWithRequestFacts } from "../auth/request-context";
import type { Permission } from "../auth/roles";
import { isCallerStillValid } from "../auth/session-user";
import { requireInteractiveSession, requireStepUp } from "../auth/step-up";
import { isAppError } from "../errors";
import { announceMutation } from "../live/change-notices";
import type { Context } from "./context";
import { internalErrorMessage, reportInternalError } from "./internal-error";
import { endWhenRevoked, isAsyncIterable } from "./session-watch";

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
        data: {
          ...shape.data,
          issues: zod ? zod.issues.map((i) => ({ path: i.path.join("."), message: i.message })) : undefined,
        },
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

/** Token calls run with the token in scope, so every audit event they write names it. */
const bindRequestFacts = t.middleware(({ ctx, next }) =>
  ctx.user?.token ? runWithRequestFacts({ token: ctx.user.token }, () => next()) : next(),
);

/** Open streams re-check the caller's session or token and end when it is revoked. */
const watchSubscriptions = t.middleware(async ({ ctx, type, next }) => {
  const result = await next();
  const user = ctx.user;
  if (type !== "subscription" || !result.ok || !user || !isAsyncIterable(result.data)) return result;
  return {
    ...result,
    data: endWhenRevoked(result.data, () => isCallerStillValid(ctx.prisma, user), ctx.sessionRecheckMs),
  };
});

/** A successful mutation tells open tabs that its area changed (they refetch instead of polling). */
const announceMutations = t.middleware(async ({ ctx, type, path, next }) => {
  const result = await next();
  if (type === "mutation" && result.ok) announceMutation(ctx.bus, path);
  return result;
});

export const publicProcedure = t.procedure.meta({ permission: "public" }).use(mapAppErrors).use(bindRequestFacts);

const requireUser = t.middleware(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: "UNAUTHORIZED", message: "Please sign in." });
  return next({ ctx: { user: ctx.user } });
});

/** Any signed-in user, including one who still has to enroll TOTP. API tokens may only read. */
export const protectedProcedure = t.procedure
  .meta({ permission: "authenticated" })
  .use(mapAppErrors)
  .use(announceMutations)
  .use(bindRequestFacts)
  .use(requireUser)
  .use(async ({ ctx, type, path, next }) => {
    const refusal = await authorize(ctx.prisma, ctx.user, { need: "authenticated", kind: type, path });
    if (refusal) throw new TRPCError({ code: "FORBIDDEN", message: refusal });
    return next();
  })
  .use(watchSubscriptions);

export function permissionProcedure(permission: Permission) {
  return t.procedure
    .meta({ permission })
    .use(mapAppErrors)
    .use(announceMutations)
    .use(bindRequestFacts)
    .use(requireUser)
    .use(async ({ ctx, type, path, next }) => {
      const refusal = await authorize(ctx.prisma, ctx.user, { need: permission, kind: type, path });
      if (refusal) throw new TRPCError({ code: "FORBIDDEN", message: refusal });
      return next();
    })
    .use(watchSubscriptions);
}

/**
 * For actions only a person at the keyboard may take: refuses API tokens (whatever their scopes)
 * and calls without a live interactive session. Liquidation hold/execute and every approval use it.
 */
export function interactiveProcedure(permission: Permission) {
  return permissionProcedure(permission).use(async ({ ctx, next }) => {
    await requireInteractiveSession(ctx.prisma, ctx.user);
    return next();
  });
}

/**
 * interactiveProcedure plus a fresh step-up in this session (at most 5 minutes old). The input
 * may carry `totpCode` (6 digits): it is verified here, once; declare it in the input schema as
 * `totpCode: totpCodeField.optional()` and do not verify it again in the service.
 */
export function stepUpProcedure(permission: Permission) {
  return interactiveProcedure(permission).use(async ({ ctx, getRawInput, next }) => {
    const raw = await getRawInput();
    const code = raw !== null && typeof raw === "object" ? (raw as { totpCode?: unknown }).totpCode : undefined;
    if (code !== undefined && (typeof code !== "string" || !/^\d{6}$/.test(code))) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "totpCode: the authenticator code has 6 digits." });
    }
    await requireStepUp(ctx.prisma, ctx.user, code, Date.now());
    return next();
  });
}
