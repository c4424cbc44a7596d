// OpenAPI paths of the market endpoints (merged into /api/v1/openapi.json by ../openapi.ts).
import { authErrors, computeErrors } from "./common";

const json = (schema: unknown) => ({ content: { "application/json": { schema } } });
const badRequest = {
  "400": {
    description: "Bad series or parameters (nothing is computed)",
    ...json({ $ref: "#/components/schemas/Error" }),
  },
};
const numbers = { type: "array", items: { type: "number" } };

export const marketPaths: Record<string, unknown> = {
  "/detectors/cusum": {
    post: {
      summary: "Two-sided Page CUSUM (M5)",
      description:
        "z_t = (x_t - mean)/sd; S+_t = max(0, S+_{t-1} + z_t - k), S-_t = max(0, S-_{t-1} - z_t - k), both from 0; an alarm at t (0-based) when either exceeds h, after which both reset to 0.",
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["series", "mean", "sd"],
          properties: {
            series: { ...numbers, minItems: 1, maxItems: 100000 },
            mean: { type: "number" },
            sd: { type: "number", exclusiveMinimum: 0 },
            k: { type: "number", default: 0.5 },
            h: { type: "number", default: 4 },
          },
        }),
      },
      responses: {
        "200": {
          description: "Alarm indexes and directions",
          ...json({
            type: "object",
            properties: {
              alarms: { type: "array", items: { type: "integer" } },
              direction: { type: "array", items: { type: "string", enum: ["up", "down"] } },
            },
          }),
        },
        ...badRequest,
        ...authErrors,
        ...computeErrors,
      },
    },
  },
  "/detectors/bocpd": {
    post: {
      summary: "Bayesian online change-point detection (Adams and MacKay 2007, Normal-Gamma prior, constant hazard)",
      description:
        "Work cap: series length x maxRunLength <= 10,000,000 (a 400 names the cap). Runs in the compute pool with a 10 s time limit.",
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["series"],
          properties: {
            series: {
              ...numbers,
              minItems: 1,
              maxItems: 100000,
              description: "series length x maxRunLength must be at most 10,000,000 (400 otherwise)",
            },
            hazard: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.004 },
            prior: {
              type: "object",
              properties: {
                mu0: { type: "number" },
                kappa0: { type: "number" },
                alpha0: { type: "number" },
                beta0: { type: "number" },
              },
              default: { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 },
            },
            maxRunLength: {
              type: "integer",
              minimum: 1,
              maximum: 10000,
              default: 1000,
              description: "run lengths kept (truncation)",
            },
          },
        }),
      },
      responses: {
        "200": {
          description: "Per point: the most probable run length and the expected run length after x_t",
          ...json({
            type: "object",
            properties: {
              runLengthMap: { type: "array", items: { type: "integer" } },
              expectedRunLength: numbers,
              truncated: { type: "boolean" },
            },
          }),
        },
        ...badRequest,
        ...authErrors,
        ...computeErrors,
      },
    },
  },
  "/indicators/volatility": {
    post: {
      summary: "EWMA volatility of log returns (M4)",
      description:
        "r_t = ln(c_t / c_{t-1}); v seeded with the first squared return, v_t = lambda v_{t-1} + (1 - lambda) r_t^2; returns sqrt(v_t), one per return.",
      requestBody: {
        required: true,
        ...json({
          type: "object",
          required: ["closes"],
          properties: {
            closes: { ...numbers, minItems: 2, maxItems: 100000, items: { type: "number", exclusiveMinimum: 0 } },
            lambda: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1, default: 0.94 },
          },
        }),
      },
      responses: {
        "200": { description: "EWMA sigma per return", ...json({ type: "object", properties: { ewma: numbers } }) },
        ...badRequest,
        ...authErrors,
        ...computeErrors,
      },
    },
  },
};
