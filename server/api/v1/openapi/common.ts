// Pieces every OpenAPI path file reuses: the error envelope reference and the 401/403 responses.
// Kept apart from ../openapi.ts, which imports the per-domain path files (no import cycle).
export const errorRef = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

export const authErrors = {
  "401": { description: "Not signed in (or the session was revoked) and no valid bearer token", ...errorRef },
  "403": {
    description: "Signed in, but the role (or the token's scopes) may not call this; refusals are audited",
    ...errorRef,
  },
};

/** DESIGN 10 limits, on every route that takes a body or does work (see README "Limits"). */
export const limitErrors = {
  "413": { description: "Body over the route's cap (1 MB unless documented), refused before it is read", ...errorRef },
  "415": { description: "Body not sent as application/json", ...errorRef },
  "429": {
    description: "Throttled, or the compute pool is busy; retry after Retry-After seconds",
    headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds to wait" } },
    ...errorRef,
  },
  "500": {
    description:
      "Unexpected error: no internals, a correlation id (error.ref) that the server log carries with the details",
    ...errorRef,
  },
};

/** Routes that run in the compute pool: a job over its time limit is stopped. */
export const computeErrors = {
  ...limitErrors,
  "503": { description: "The job ran over its time limit (10 s) and was stopped; ask for less work", ...errorRef },
};
