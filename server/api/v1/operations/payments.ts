// v1 operation of the bank / payment-rail callback (P1). Authenticated by its signature, not by a
// user; the route keeps its own handler (signature over the raw body, throttle before the read).
import { z } from "zod";
import { callbackSchema } from "../../../payments/callback";
import { CALLBACK_MAX_BODY_BYTES, CALLBACK_THROTTLE } from "../../../payments/callback-gate";
import { defineOperation } from "../contract/operation";

export const paymentsCallbackOperation = defineOperation({
  method: "post",
  path: "/payments/callback",
  operationId: "receivePaymentCallback",
  tags: ["payments"],
  summary: "Bank / payment-rail callback (P1): a signed rail answer",
  description:
    "Authenticated by `X-Signature`: hex HMAC-SHA256 of the raw request body with the shared secret PAYMENTS_CALLBACK_SECRET " +
    "(demo mode derives one when unset). A missing or wrong signature is a 401, audited, and changes nothing; a missing or " +
    `malformed header is refused before the body is read. Throttled per client IP (${CALLBACK_THROTTLE.points} a minute, then 429 with Retry-After). ` +
    "Withdrawals are identified by their rail reference (`WD-<id>`), deposits by the bank's reference (also the idempotency key).",
  auth: { public: true },
  headers: [
    {
      name: "X-Signature",
      required: true,
      schema: { type: "string", pattern: "^[0-9a-fA-F]{64}$" },
      description: "Hex HMAC-SHA256 of the raw body",
    },
  ],
  body: callbackSchema,
  maxBodyBytes: CALLBACK_MAX_BODY_BYTES,
  responses: {
    200: {
      description: "Applied",
      schema: z.object({
        ok: z.boolean(),
        kind: z.enum(["withdrawal", "deposit"]),
        id: z.string(),
        status: z.string(),
      }),
    },
  },
  errors: {
    401: "Missing or wrong signature",
    404: "Unknown reference or account",
    409: "The item is not in a state that accepts this outcome",
    412: "PAYMENTS_CALLBACK_SECRET is not configured (outside demo mode): callbacks are refused",
    413: `Body over ${CALLBACK_MAX_BODY_BYTES / 1024} KB (a rail answer is a few hundred bytes), refused before it is read`,
    429: `More than ${CALLBACK_THROTTLE.points} callbacks a minute from this address`,
    500: "Unexpected error: no internals, a correlation id (error.ref) that the server log carries with the details",
  },
});

export const paymentsOperations = [paymentsCallbackOperation];
