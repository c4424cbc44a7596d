// The integration API's contract (DESIGN 10), served at GET /api/v1/openapi.json. Each domain
// keeps its paths in openapi/<domain>.ts and takes the error responses from openapi/common.ts.
import { authErrors } from "./openapi/common";
import { liquidationPlanPaths } from "./openapi/liquidation-plan";
import { liquidationTicketPaths } from "./openapi/liquidation-tickets";
import { marketPaths } from "./openapi/market";
import { opsPaths } from "./openapi/ops";
import { paymentsPaths } from "./openapi/payments";
import { riskPaths } from "./openapi/risk";
import { surveillancePaths } from "./openapi/surveillance";
const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: { type: "string", example: "BAD_REQUEST" },
        message: { type: "string" },
        issues: {
          type: "array",
          items: { type: "object", properties: { path: { type: "string" }, message: { type: "string" } } },
        },
        ref: {
          type: "string",
          format: "uuid",
          description: "500 only: the correlation id the server log carries with the details",
        },
      },
    },
  },
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "Minute Desk integration API",
    version: "1.0.0",
    description:
      "A small, stable JSON API for integrations. Authenticate with the browser session cookie or `Authorization: Bearer <token>`. Each user creates their own tokens (My sessions and tokens); a token carries scopes, `read` by default (GET routes and the side-effect-free calculators) and `write` for routes that change data, and can never approve money or parameters, freeze, hold or execute liquidations or act on access (403). Every refused call is audited, and every audit event written during a token call names the token. Bad input is a 400 with {error:{code,message,issues?}} and changes nothing. Numbers are JSON numbers; timestamps are ISO-8601 UTC.",
  },
  servers: [{ url: "/api/v1" }],
  security: [{ bearer: [] }, { session: [] }],
  components: {
    securitySchemes: {
      bearer: {
        type: "http",
        scheme: "bearer",
        description: "An API token (md_...), scoped read or read+write; revocable by its owner or an ADMIN.",
      },
      session: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
    },
    schemas: { Error: errorSchema },
  },
  paths: {
    ...marketPaths,
    ...riskPaths,
    ...liquidationPlanPaths,
    ...liquidationTicketPaths,
    ...paymentsPaths,
    ...opsPaths,
    ...surveillancePaths,
    "/health": {
      get: {
        summary: "Service health (no authentication)",
        security: [],
        responses: {
          "200": {
            description: "Health; status is degraded when the database or the engine is not healthy",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["status", "db", "engine", "feed"],
                  properties: {
                    status: { enum: ["ok", "degraded"] },
                    db: { enum: ["pglite", "postgres"] },
                    engine: {
                      type: "object",
                      properties: {
                        leader: { type: "boolean" },
                        lastTickAt: { type: ["string", "null"], format: "date-time" },
                        lastTickMs: { type: ["number", "null"] },
                      },
                    },
                    feed: { type: "object", properties: { source: { type: "string" }, status: { type: "string" } } },
                  },
                },
              },
            },
          },
        },
      },
    },
    "/audit/verify": {
      get: {
        summary: "Verify the audit hash chain (COMPLIANCE, ADMIN, AUDITOR)",
        responses: {
          "200": {
            description: "Verification result; firstBrokenId is the first tampered or unlinked event",
            content: {
              "application/json": {
                schema: {
                  type: "object",
                  required: ["ok", "checked", "firstBrokenId"],
                  properties: {
                    ok: { type: "boolean" },
                    checked: { type: "integer" },
                    firstBrokenId: { type: ["integer", "null"] },
                  },
                },
              },
            },
          },
          ...authErrors,
        },
      },
    },
  },
} as const;
