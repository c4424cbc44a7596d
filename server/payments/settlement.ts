// P1/P2 money movements on the rails: an approved withdrawal is SENT (client cash -> in transit),
// then SETTLED (in transit -> out of custody) or FAILED (back to the client), and a settled one
// may be REVERSED by the bank. Deposits are CONFIRMED (custody -> client cash) or reversed.
// Each movement is one transaction: state change (conditional), balanced postings, audit event.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import {
  depositEntry,
  depositReversedEntry,
  withdrawalFailedEntry,
  withdrawalReversedEntry,
  withdrawalSentEntry,
  withdrawalSettledEntry,
} from "../ledger/ledger-math";
import { lockAccountsTx, postEntryTx } from "../ledger/ledger-service";
import { largeValueCategories } from "./aml/rules";
import { CHANNEL_RULES, isChannel } from "./channels";
import { parseMoneyAmount } from "./money-input";
import { lockWithdrawal, transitionTx, type Actor } from "./withdrawal-transition";

const money = (v: { toString(): string }) => new Decimal(v.toString());

// Rail answers and bank callbacks on one account queue on its row lock; in a burst a transaction
// waits for a pooled connection (up to 10 s) instead of failing after Prisma's default 2 s.
const MONEY_TX = { maxWait: 10_000, timeout: 15_000 };

export function railRefFor(withdrawalId: string): string {
  return `WD-${withdrawalId}`;
}

export async function sendWithdrawal(prisma: PrismaClient, withdrawalId: string, nowMs = Date.now()) {
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, withdrawalId);
    const railRef = railRefFor(w.id);
    await transitionTx(tx, w, "SEND", { actor: null, data: { railRef, sentAt: new Date(nowMs) }, audit: { railRef } });
    await postEntryTx(tx, withdrawalSentEntry(w.accountId, money(w.amount)), {
      refType: "Withdrawal",
      refId: w.id,
      idempotencyKey: `sent:${w.id}`,
    });
    return w;
  }, MONEY_TX);
}

export type RailOutcome = "SETTLE" | "FAIL" | "REVERSE";

/** What a failed or reversed withdrawal shows when the rail gave no reason. */
export const DEFAULT_FAIL_REASON = "The payment rail returned the payment without giving a reason.";
export const DEFAULT_REVERSE_REASON = "The payment rail reversed the settled payment without giving a reason.";

/** Applies a rail's answer (from the simulator or the signed bank callback) by the rail reference. */
export async function applyWithdrawalOutcome(
  prisma: PrismaClient,
  railRef: string,
  outcome: RailOutcome,
  actor: Actor | null = null,
  nowMs = Date.now(),
  reason?: string,
) {
  const failureReason = reason ?? (outcome === "REVERSE" ? DEFAULT_REVERSE_REASON : DEFAULT_FAIL_REASON);
  const found = await prisma.withdrawal.findUnique({ where: { railRef }, select: { id: true } });
  if (!found) throw new AppError("NOT_FOUND", `No withdrawal with the rail reference ${railRef}.`);
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, found.id);
    const amount = money(w.amount);
    if (outcome === "SETTLE") {
      await transitionTx(tx, w, "SETTLE", { actor, data: { settledAt: new Date(nowMs) } });
      await postEntryTx(tx, withdrawalSettledEntry(amount), {
        refType: "Withdrawal",
        refId: w.id,
        idempotencyKey: `settled:${w.id}`,
      });
    } else if (outcome === "FAIL") {
      await transitionTx(tx, w, "FAIL", { actor, data: { failureReason }, audit: { reason: failureReason } });
      await postEntryTx(tx, withdrawalFailedEntry(w.accountId, amount), {
        refType: "Withdrawal",
        refId: w.id,
        idempotencyKey: `failed:${w.id}`,
      });
    } else {
      await transitionTx(tx, w, "REVERSE", { actor, data: { failureReason }, audit: { reason: failureReason } });
      await postEntryTx(tx, withdrawalReversedEntry(w.accountId, amount), {
        refType: "Withdrawal",
        refId: w.id,
        idempotencyKey: `reversed:${w.id}`,
      });
    }
    return w;
  }, MONEY_TX);
}

export async function createDeposit(
  prisma: PrismaClient,
  input: { accountId: string; amount: number; channel: string; reference: string; payerName: string; cash?: boolean },
  nowMs = Date.now(),
) {
  if (!isChannel(input.channel)) throw new AppError("BAD_REQUEST", `Unknown channel ${input.channel}.`);
  const crossBorder = CHANNEL_RULES[input.channel].crossBorder;
  const amount = parseMoneyAmount(input.amount);
  const existing = await prisma.deposit.findUnique({ where: { reference: input.reference } });
  if (existing) return existing; // the reference is the bank's idempotency key
  return prisma.$transaction(async (tx) => {
    const d = await tx.deposit.create({
      data: {
        accountId: input.accountId,
        amount: amount.toFixed(2),
        channel: input.channel,
        reference: input.reference,
        payerName: input.payerName,
        crossBorder,
        cash: input.cash ?? false,
        createdAt: new Date(nowMs),
      },
    });
    await appendAuditEventTx(tx, {
      actorEmail: "system:payments",
      action: "deposit.received",
      targetType: "Deposit",
      targetId: d.id,
      after: { amount: d.amount.toString(), channel: d.channel, reference: d.reference },
    });
    return d;
  });
}

export async function applyDepositOutcome(
  prisma: PrismaClient,
  reference: string,
  outcome: "CONFIRM" | "FAIL" | "REVERSE",
  actor: Actor | null = null,
  nowMs = Date.now(),
) {
  return prisma.$transaction(async (tx) => {
    const owner = await tx.deposit.findUnique({ where: { reference }, select: { accountId: true } });
    if (!owner) throw new AppError("NOT_FOUND", `No deposit with the reference ${reference}.`);
    // Lock order: account row, deposit row, audit lock last (as every withdrawal transaction).
    await lockAccountsTx(tx, [owner.accountId]);
    await tx.$queryRaw`SELECT id FROM "Deposit" WHERE reference = ${reference} FOR UPDATE`;
    const found = await tx.deposit.findUniqueOrThrow({ where: { reference } });
    const [from, to] =
      outcome === "CONFIRM"
        ? ["PENDING", "CONFIRMED"]
        : outcome === "FAIL"
          ? ["PENDING", "FAILED"]
          : ["CONFIRMED", "REVERSED"];
    const res = await tx.deposit.updateMany({
      where: { id: found.id, status: from },
      data: {
        status: to,
        ...(outcome === "CONFIRM" ? { confirmedAt: new Date(nowMs) } : {}),
        ...(outcome === "REVERSE" ? { chargebackAt: new Date(nowMs) } : {}),
      },
    });
    if (res.count !== 1)
      throw new AppError(
        "CONFLICT",
        `This deposit is ${found.status.toLowerCase()}; it cannot be ${to.toLowerCase()}.`,
      );
    const amount = money(found.amount);
    if (outcome === "CONFIRM") {
      await postEntryTx(tx, depositEntry(found.accountId, amount), {
        refType: "Deposit",
        refId: found.id,
        idempotencyKey: `deposit:${found.id}`,
      });
      for (const c of largeValueCategories(amount.toNumber(), found.crossBorder, found.cash)) {
        await tx.largeValueReport.create({
          data: {
            refType: "Deposit",
            refId: found.id,
            accountId: found.accountId,
            amount: amount.toFixed(2),
            category: c.category,
            threshold: c.threshold,
            createdAt: new Date(nowMs),
          },
        });
      }
    } else if (outcome === "REVERSE") {
      await postEntryTx(tx, depositReversedEntry(found.accountId, amount), {
        refType: "Deposit",
        refId: found.id,
        idempotencyKey: `deposit-reversed:${found.id}`,
      });
    }
    await appendAuditEventTx(tx, {
      actorId: actor?.id ?? null,
      actorEmail: actor?.email ?? "system:payments",
      action: `deposit.${outcome.toLowerCase()}`,
      targetType: "Deposit",
      targetId: found.id,
      before: { status: from },
      after: { status: to },
    });
    return { ...found, status: to };
  }, MONEY_TX);
}
