// One typed domain error. Services throw AppError; the tRPC error formatter and the v1 API map
// its code to a status, and its message reaches the user as is (so write it for a person).
export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "PRECONDITION_FAILED"
  | "PAYLOAD_TOO_LARGE"
  | "UNSUPPORTED_MEDIA_TYPE"
  | "TOO_MANY_REQUESTS"
  | "TIMEOUT";

// Route handlers, the instrumentation bundle and the worker bundle each load their own copy of
// this module, so `instanceof AppError` fails across them: a process-wide symbol brands instances.
const APP_ERROR_BRAND = Symbol.for("minute-desk.AppError");

export class AppError extends Error {
  readonly [APP_ERROR_BRAND] = true;
  constructor(
    readonly code: AppErrorCode,
    message: string,
    /** Seconds a throttled caller should wait (sent as Retry-After). */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const HTTP_STATUS: Record<AppErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  TOO_MANY_REQUESTS: 429,
  // A compute job over its time limit: the server gave up on it, the caller should ask for less.
  TIMEOUT: 503,
};

/** AppError from any bundle of this app (brand check, not instanceof). */
export function isAppError(err: unknown): err is AppError {
  if (typeof err !== "object" || err === null) return false;
  const e = err as { [APP_ERROR_BRAND]?: unknown; code?: unknown; message?: unknown };
  return (
    e[APP_ERROR_BRAND] === true &&
    typeof e.code === "string" &&
    Object.hasOwn(HTTP_STATUS, e.code) &&
    typeof e.message === "string"
  );
}
