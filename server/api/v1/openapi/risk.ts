// OpenAPI paths of the risk endpoints (merged into /api/v1/openapi.json by ../openapi.ts).
import { authErrors, computeErrors, limitErrors } from "./common";

const json = (schema: unknown) => ({ "application/json": { schema } });
const badRequest = {
  description: "Bad input (nothing changes)",
  content: json({ $ref: "#/components/schemas/Error" }),
};
const num = { type: "number" };
const nullableNum = { type: ["number", "null"] };
const status = { enum: ["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"] };
const rateMap = {
  type: "object",
  additionalProperties: num,
  maxProperties: 64,
  propertyNames: { minLength: 1, maxLength: 32 },
};

const paramsSchema = {
  type: "object",
  required: ["base", "liquidityMultiplier", "sigmaRef", "sizeTiers", "imMultiplier", "lines"],
  properties: {
    base: {
      ...rateMap,
      description: "Base maintenance rate per asset class (the floor of m_i)",
      example: { MAIN_BOARD: 0.12, GROWTH: 0.18 },
    },
    liquidityMultiplier: { ...rateMap, example: { T1: 1, T2: 1.15, T3: 1.35 } },
    sigmaRef: {
      ...rateMap,
      description: "Reference 1m EWMA volatility per asset class",
      example: { MAIN_BOARD: 0.0015, GROWTH: 0.0025 },
    },
    sizeTiers: {
      type: "array",
      description: "Ascending [maxShareOfAdv, multiplier]; the last bound may be null (infinity)",
      items: { type: "array", prefixItems: [{ type: ["number", "null"] }, num], minItems: 2, maxItems: 2 },
      example: [
        [0.01, 1],
        [0.05, 1.25],
        [0.1, 1.5],
        [0.25, 2],
        [null, 3],
      ],
    },
    imMultiplier: { ...num, example: 1.5 },
    lines: {
      type: "object",
      description: "Must satisfy hardFloor < liquidation < warning < target",
      required: ["warning", "liquidation", "hardFloor", "target"],
      properties: { warning: num, liquidation: num, hardFloor: num, target: num },
    },
  },
};

const positionIn = {
  type: "object",
  required: ["symbol", "qty", "price", "assetClass", "liquidityTier", "sigma", "adv"],
  properties: {
    symbol: { type: "string", minLength: 1, maxLength: 32 },
    qty: { ...num, minimum: 0 },
    price: { ...num, minimum: 0 },
    assetClass: { type: "string", minLength: 1, maxLength: 32, description: "an own key of params.base" },
    liquidityTier: {
      type: "string",
      minLength: 1,
      maxLength: 32,
      description: "an own key of params.liquidityMultiplier",
    },
    sigma: { ...num, minimum: 0 },
    adv: { ...num, minimum: 0 },
  },
};

const positionOut = {
  type: "object",
  required: ["symbol", "marketValue", "m", "mm", "im", "volMultiplier", "sizeMultiplier"],
  properties: {
    symbol: { type: "string" },
    marketValue: num,
    m: num,
    mm: num,
    im: num,
    volMultiplier: num,
    sizeMultiplier: num,
    maxLeverage: num,
  },
};

const figures = {
  marketValue: num,
  assets: num,
  equity: num,
  maintenanceMargin: num,
  initialMargin: num,
  marginLevel: nullableNum,
  coverageRatio: nullableNum,
  status,
};

export const riskPaths: Record<string, unknown> = {
  "/risk/evaluate": {
    post: {
      summary: "Evaluate the margin model (R1-R3) on supplied inputs (any role, no writes)",
      requestBody: {
        required: true,
        content: json({
          type: "object",
          required: ["cash", "debt", "positions"],
          properties: {
            cash: { ...num, minimum: 0 },
            debt: { ...num, minimum: 0 },
            positions: { type: "array", items: positionIn, maxItems: 5000 },
            params: paramsSchema,
          },
        }),
      },
      responses: {
        "200": {
          description: "marginLevel is null when no margin is required; coverageRatio is null when debt is 0",
          content: json({
            type: "object",
            required: [...Object.keys(figures), "positions"],
            properties: {
              ...figures,
              fundingAddOnBps: num,
              parameterVersion: { type: ["integer", "null"] },
              positions: { type: "array", items: positionOut },
            },
          }),
        },
        "400": {
          ...badRequest,
          description: "Bad input, an unknown asset class or tier, or figures that overflow (nothing changes)",
        },
        ...authErrors,
        ...computeErrors,
      },
    },
  },
  "/accounts/{id}/risk": {
    get: {
      summary:
        "An account's live risk figures, status, parameter version and as-of bar (RISK, COMPLIANCE, MANAGER, AUDITOR)",
      parameters: [{ name: "id", in: "path", required: true, schema: { type: "string", minLength: 1, maxLength: 64 } }],
      responses: {
        "200": {
          description: "Figures at the last bar close",
          content: json({
            type: "object",
            required: ["accountId", ...Object.keys(figures), "parameterVersion", "asOfBar"],
            properties: {
              accountId: { type: "string" },
              accountCode: { type: "string" },
              cash: num,
              debt: num,
              ...figures,
              parameterVersion: { type: "integer" },
              asOfBar: { type: "string", format: "date-time", description: "Start of the one-minute bar last closed" },
              asOf: { type: "string", format: "date-time" },
              positions: { type: "array", items: positionOut },
            },
          }),
        },
        "400": { ...badRequest, description: "Empty or over-long id, or a NUL character" },
        "404": { description: "No such account", content: json({ $ref: "#/components/schemas/Error" }) },
        ...authErrors,
        "500": limitErrors["500"],
      },
    },
  },
};
