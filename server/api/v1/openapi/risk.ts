// OpenAPI paths of the risk endpoints (merged into /api/v1/openapi.json by ../openapi.ts).
export const riskPaths: Record<string, unknown> = {};
