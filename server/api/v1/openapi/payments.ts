// OpenAPI paths of the payments endpoints (merged into /api/v1/openapi.json by ../openapi.ts).
import { errorRef, limitErrors } from "./common";

export const paymentsPaths: Record<string, unknown> = {
  "/payments/callback": {
    post: {
      summary: "Bank / payment-rail callback (P1): a signed rail answer",
      description:
        "Authenticated by `X-Signature`: hex HMAC-SHA256 of the raw request body with the shared secret PAYMENTS_CALLBACK_SECRET " +
        "(demo mode derives one when unset). A missing or wrong signature is a 401, audited, and changes nothing; a missing or " +
        "malformed header is refused before the body is read. Throttled per client IP (120 a minute, then 429 with Retry-After). " +
        "Withdrawals are identified by their rail reference (`WD-<id>`), deposits by the bank's reference (also the idempotency key).",
      security: [],
      parameters: [
        { name: "X-Signature", in: "header", required: true, schema: { type: "string", pattern: "^[0-9a-f]{64}$" } },
      ],
      requestBody: {
        required: true,
        content: {
          "application/json": {
            schema: {
              oneOf: [
                {
                  type: "object",
                  required: ["kind", "reference", "outcome"],
                  properties: {
                    kind: { const: "withdrawal" },
                    reference: { type: "string" },
                    outcome: { enum: ["SETTLED", "FAILED", "REVERSED"] },
                  },
                },
                {
                  type: "object",
                  required: ["kind", "reference", "outcome"],
                  properties: {
                    kind: { const: "deposit" },
                    reference: { type: "string" },
                    outcome: { enum: ["CONFIRMED", "FAILED", "REVERSED"] },
                  },
                },
                {
                  type: "object",
                  required: ["kind", "reference", "outcome", "accountCode", "amount", "channel", "payerName"],
                  properties: {
                    kind: { const: "deposit" },
                    reference: { type: "string" },
                    outcome: { const: "RECEIVED" },
                    accountCode: { type: "string" },
                    amount: {
                      type: "number",
                      exclusiveMinimum: 0,
                      maximum: 1e11,
                      multipleOf: 0.01,
                      description: "CNY with at most 2 decimals; more decimals are a 400, never rounded",
                    },
                    payerName: { type: "string" },
                    channel: { enum: ["BANK_TRANSFER", "THIRD_PARTY", "SWIFT", "ACH", "QUICK_PAY", "CUSTODY"] },
                  },
                },
              ],
            },
          },
        },
      },
      responses: {
        "200": {
          description: "Applied",
          content: {
            "application/json": {
              schema: {
                type: "object",
                properties: {
                  ok: { type: "boolean" },
                  kind: { type: "string" },
                  id: { type: "string" },
                  status: { type: "string" },
                },
              },
            },
          },
        },
        "400": { description: "Bad body", ...errorRef },
        "401": { description: "Missing or wrong signature", ...errorRef },
        "404": { description: "Unknown reference", ...errorRef },
        "409": { description: "The item is not in a state that accepts this outcome", ...errorRef },
        "413": {
          description: "Body over 16 KB (a rail answer is a few hundred bytes), refused before it is read",
          ...errorRef,
        },
        "415": limitErrors["415"],
        "429": { ...limitErrors["429"], description: "More than 120 callbacks a minute from this address" },
        "500": limitErrors["500"],
      },
    },
  },
};
