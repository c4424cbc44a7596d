// OpenAPI paths of the market endpoints (merged into /api/v1/openapi.json by ../openapi.ts).
export const marketPaths: Record<string, unknown> = {};
