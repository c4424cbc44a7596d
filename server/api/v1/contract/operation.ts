// One v1 operation, declared once: its path, operationId, tags, permission, the zod schemas that
// validate its input and describe its answer, and the error statuses it can give. The route handler
// validates with these schemas (./serve-operation.ts) and the OpenAPI document is generated from
// them (./openapi-document.ts), so the two cannot drift apart.
import type { ZodObject, ZodType } from "zod";
import type { Permission } from "../../../auth/roles";

/** Statuses a v1 route can answer with the error envelope. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 412 | 413 | 415 | 429 | 500 | 503;

/** Who may call: a permission ("any" = any signed-in role), or no user at all (health, bank callback). */
export type OperationAuth =
  | { permission: Permission | "any"; writes?: boolean }
  | { public: true; security?: ReadonlyArray<Record<string, string[]>> };

export interface OperationResponse {
  description: string;
  schema?: ZodType;
  /** Media type when it is not JSON (e.g. Prometheus text). */
  mediaType?: string;
  headers?: Record<string, { description: string; schema: object }>;
}

export interface V1Operation<
  Body extends ZodType | undefined = ZodType | undefined,
  Query extends ZodObject | undefined = ZodObject | undefined,
  Params extends ZodObject | undefined = ZodObject | undefined,
> {
  method: "get" | "post";
  /** OpenAPI path under /api/v1, with {name} for path parameters. */
  path: string;
  operationId: string;
  tags: readonly string[];
  summary: string;
  description?: string;
  auth: OperationAuth;
  body?: Body;
  /** Body cap in bytes (default MAX_BODY_BYTES); a larger body is a 413 before it is read. */
  maxBodyBytes?: number;
  query?: Query;
  params?: Params;
  /** Parameters the route reads that are not query or path fields (e.g. a signature header). */
  headers?: ReadonlyArray<{ name: string; required: boolean; schema: object; description?: string }>;
  /** The body runs in the compute pool: 429 when it is busy, 503 when a job runs over its limit. */
  compute?: boolean;
  /** Success answers by status (200 unless stated). */
  responses: Partial<Record<200 | 202 | 503, OperationResponse>>;
  /** Error statuses beyond the ones implied by auth, body and compute (404, 409, 412, ...), with why. */
  errors?: Partial<Record<ErrorStatus, string>>;
}

/** Keeps the literal types of a declaration (the route handler's input types come from them). */
export function defineOperation<
  Body extends ZodType | undefined = undefined,
  Query extends ZodObject | undefined = undefined,
  Params extends ZodObject | undefined = undefined,
>(op: V1Operation<Body, Query, Params>): V1Operation<Body, Query, Params> {
  return op;
}

const DEFAULT_ERROR_TEXT: Record<ErrorStatus, string> = {
  400: "Bad input (nothing changes); error.issues lists each problem with its path",
  401: "Not signed in (or the session was revoked) and no valid bearer token",
  403: "Signed in, but the role (or the token's scopes) may not call this; refusals are audited",
  404: "Not found",
  409: "The item is not in a state that accepts this",
  412: "A precondition on the server's configuration is not met",
  413: "Body over the route's cap (1 MB unless documented), refused before it is read",
  415: "Body not sent as application/json",
  429: "Throttled, or the compute pool is busy; retry after Retry-After seconds",
  500: "Unexpected error: no internals, a correlation id (error.ref) that the server log carries with the details",
  503: "The job ran over its time limit (10 s) and was stopped; ask for less work",
};

/** Every error status the operation can answer, with its description, in ascending order. */
export function errorStatusesOf(op: V1Operation): Array<[ErrorStatus, string]> {
  const out = new Map<ErrorStatus, string>();
  const add = (s: ErrorStatus, text?: string) => out.set(s, text ?? out.get(s) ?? DEFAULT_ERROR_TEXT[s]);
  if ("permission" in op.auth) {
    // apiRoute: a NUL in the URL is a 400; unknown failures are a 500 with a reference.
    add(400);
    add(401);
    add(403);
    add(500);
  }
  if (op.body) {
    add(400);
    add(413);
    add(415);
  }
  if (op.query || op.params) add(400);
  if (op.compute) {
    add(429);
    add(503);
  }
  for (const [s, text] of Object.entries(op.errors ?? {})) add(Number(s) as ErrorStatus, text);
  return [...out.entries()].sort((a, b) => a[0] - b[0]);
}
