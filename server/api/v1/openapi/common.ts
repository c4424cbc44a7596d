// Pieces every OpenAPI path file reuses: the error envelope reference and the 401/403 responses.
// Kept apart from ../openapi.ts, which imports the per-domain path files (no import cycle).
export const errorRef = { content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } };

export const authErrors = {
  "401": { description: "Not signed in (or the session was revoked) and no valid bearer token", ...errorRef },
  "403": { description: "Signed in, but the role (or the token's scopes) may not call this; refusals are audited", ...errorRef },
};
