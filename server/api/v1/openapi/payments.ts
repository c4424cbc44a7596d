// OpenAPI paths of the payments endpoints (merged into /api/v1/openapi.json by ../openapi.ts).
export const paymentsPaths: Record<string, unknown> = {};
