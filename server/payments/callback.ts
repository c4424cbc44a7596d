// P1 bank callback: the custody bank / payment processor posts the rail's answer as JSON, signed
// with HMAC-SHA256 over the raw body (hex, header X-Signature). The secret is
// PAYMENTS_CALLBACK_SECRET (at least 32 characters, required outside demo mode); in demo mode,
// when unset, it is derived from the app's auth secret so the demo works without configuration.
// A missing or bad signature is refused (401, error envelope) and audited; nothing changes.
import crypto from "node:crypto";
import { z } from "zod";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { CHANNELS } from "./channels";
import { moneyAmountSchema } from "./money-input";
import { applyDepositOutcome, applyWithdrawalOutcome, createDeposit } from "./settlement";

const secretSchema = z.string().min(32, "PAYMENTS_CALLBACK_SECRET: must be at least 32 characters").optional();

/** The callback secret: configured, or (demo mode only) derived from the auth secret. */
export function resolveCallbackSecret(opts: {
  demo: boolean;
  configured: string | undefined;
  authSecret: () => string;
}): string {
  const configured = secretSchema.parse(opts.configured === "" ? undefined : opts.configured);
  if (configured) return configured;
  if (!opts.demo)
    throw new AppError(
      "PRECONDITION_FAILED",
      "PAYMENTS_CALLBACK_SECRET is not configured: bank callbacks are refused.",
    );
  return crypto.createHmac("sha256", opts.authSecret()).update("minute-desk/payments-callback").digest("hex");
}

export function signCallback(rawBody: string, secret: string): string {
  return crypto.createHmac("sha256", secret).update(rawBody, "utf8").digest("hex");
}

export function verifyCallbackSignature(rawBody: string, signature: string | null, secret: string): boolean {
  if (!signature || !/^[0-9a-f]{64}$/i.test(signature)) return false;
  const expected = Buffer.from(signCallback(rawBody, secret), "hex");
  return crypto.timingSafeEqual(expected, Buffer.from(signature.toLowerCase(), "hex"));
}

export const callbackSchema = z.union([
  z.object({
    kind: z.literal("withdrawal"),
    reference: z.string().min(1).max(100),
    outcome: z.enum(["SETTLED", "FAILED", "REVERSED"]),
    /** The bank's reason for a failure or reversal, shown on the processed-withdrawals view. */
    reason: z.string().trim().min(1).max(300).optional(),
  }),
  z.object({
    kind: z.literal("deposit"),
    reference: z.string().min(1).max(100),
    outcome: z.enum(["CONFIRMED", "FAILED", "REVERSED"]),
  }),
  z.object({
    kind: z.literal("deposit"),
    reference: z.string().min(1).max(100),
    outcome: z.literal("RECEIVED"),
    accountCode: z.string().min(1).max(40),
    amount: moneyAmountSchema,
    channel: z.enum(CHANNELS),
    payerName: z.string().min(1).max(100),
  }),
]);
export type CallbackBody = z.infer<typeof callbackSchema>;

const BANK_ACTOR = { id: "bank-callback", email: "system:bank-callback" };

export async function handleCallback(
  prisma: PrismaClient,
  rawBody: string,
  signature: string | null,
  secret: string,
  ip: string | null,
) {
  if (!verifyCallbackSignature(rawBody, signature, secret)) {
    await appendAuditEvent(prisma, {
      actorEmail: "system:bank-callback",
      action: "payments.callbackRejected",
      targetType: "PaymentCallback",
      after: {
        reason: signature ? "bad signature" : "missing signature",
        ip,
        bodySha256: crypto.createHash("sha256").update(rawBody).digest("hex"),
      },
    });
    throw new AppError(
      "UNAUTHORIZED",
      "The callback signature is missing or wrong (HMAC-SHA256 of the raw body, hex, in X-Signature).",
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(rawBody);
  } catch {
    throw new AppError("BAD_REQUEST", "The request body must be valid JSON.");
  }
  const body = callbackSchema.parse(json);
  if (body.kind === "withdrawal") {
    const outcome = body.outcome === "SETTLED" ? "SETTLE" : body.outcome === "FAILED" ? "FAIL" : "REVERSE";
    const w = await applyWithdrawalOutcome(prisma, body.reference, outcome, BANK_ACTOR, Date.now(), body.reason);
    return { ok: true, kind: "withdrawal", id: w.id, status: w.status };
  }
  if (body.outcome === "RECEIVED") {
    const account = await prisma.account.findUnique({ where: { code: body.accountCode }, select: { id: true } });
    if (!account) throw new AppError("NOT_FOUND", `No account ${body.accountCode}.`);
    const d = await createDeposit(prisma, {
      accountId: account.id,
      amount: body.amount,
      channel: body.channel,
      reference: body.reference,
      payerName: body.payerName,
    });
    return { ok: true, kind: "deposit", id: d.id, status: d.status };
  }
  const d = await applyDepositOutcome(
    prisma,
    body.reference,
    body.outcome === "CONFIRMED" ? "CONFIRM" : body.outcome === "FAILED" ? "FAIL" : "REVERSE",
    BANK_ACTOR,
  );
  return { ok: true, kind: "deposit", id: d.id, status: d.status };
}
