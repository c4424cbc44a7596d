// P3 human actions on a withdrawal: approve (maker-checker, TOTP step-up no older than 5 minutes,
// two distinct managers above the high threshold, idempotent per approval key), reject with a
// reason, escalate, and compliance's freeze / appeal / unfreeze / confirm. Each is one transaction
// with its audit event; the conditional update in transitionTx makes concurrent actions safe.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { requireStepUp } from "../auth/step-up";
import { AppError } from "../errors";
import type { AccountRiskSource } from "../risk/ports";
import { assertNotFrozenTx } from "../surveillance/account-actions";
import { checkWithdrawalMargin } from "./margin-check";
import { lockWithdrawal, transitionTx, type Actor } from "./withdrawal-transition";

export async function approveWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; idempotencyKey: string; totpCode?: string },
  actor: Actor,
  deps: { nowMs?: number; accountRisk?: AccountRiskSource } = {},
) {
  const nowMs = deps.nowMs ?? Date.now();
  const replayed = await prisma.withdrawalApproval.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
  if (replayed) {
    if (replayed.approverId !== actor.id || replayed.withdrawalId !== input.withdrawalId) {
      throw new AppError("CONFLICT", "This approval key was already used for another approval.");
    }
    return prisma.withdrawal.findUniqueOrThrow({ where: { id: input.withdrawalId } });
  }
  // Session-bound step-up: another session or an API token of the same user never qualifies.
  await requireStepUp(prisma, actor, input.totpCode, nowMs);
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    // Compliance's account freeze (S5) takes effect here at once, after the account lock.
    await assertNotFrozenTx(tx, w.accountId);
    if (w.status === "PENDING_APPROVAL") {
      if (w.requestedById === actor.id)
        throw new AppError(
          "FORBIDDEN",
          "You entered this withdrawal; another manager must approve it (maker-checker).",
        );
      if (w.coolOffUntil && w.coolOffUntil.getTime() > nowMs) {
        throw new AppError(
          "PRECONDITION_FAILED",
          `The beneficiary is new: the cooling-off period runs until ${w.coolOffUntil.toISOString()}.`,
        );
      }
      const mine = await tx.withdrawalApproval.findUnique({
        where: { withdrawalId_approverId: { withdrawalId: w.id, approverId: actor.id } },
      });
      if (mine)
        throw new AppError(
          "CONFLICT",
          "You already approved this withdrawal; a different manager must give the second approval.",
        );
      const margin = await checkWithdrawalMargin(tx, w.accountId, new Decimal(w.amount.toString()), {
        excludeWithdrawalId: w.id,
        accountRisk: deps.accountRisk,
        nowMs,
      });
      if (!margin.ok)
        throw new AppError("PRECONDITION_FAILED", margin.reason ?? "The margin check refused this withdrawal.");
      await tx.withdrawalApproval.create({
        data: {
          withdrawalId: w.id,
          approverId: actor.id,
          approverEmail: actor.email,
          idempotencyKey: input.idempotencyKey,
          createdAt: new Date(nowMs),
        },
      });
      const count = await tx.withdrawalApproval.count({ where: { withdrawalId: w.id } });
      const last = count >= w.requiredApprovals;
      await transitionTx(tx, w, last ? "APPROVE" : "APPROVE_PARTIAL", {
        // The approval's check replaces the figures shown to the next approver; the value dates stay.
        actor,
        data: { riskCheck: { ...dateFacts(w.riskCheck), ...margin } as unknown as object },
        audit: { approvals: count, required: w.requiredApprovals, margin },
      });
      return w;
    }
    await transitionTx(tx, w, "APPROVE", { actor }); // throws the right refusal for this state
    return w;
  });
}

function dateFacts(riskCheck: unknown): Record<string, unknown> {
  const r = (riskCheck ?? {}) as Record<string, unknown>;
  return { valueDate: r.valueDate, settlementDate: r.settlementDate, afterCutoff: r.afterCutoff };
}

function requireText(v: string, what: string): string {
  const s = v.trim();
  if (s.length < 3) throw new AppError("BAD_REQUEST", `Please give a ${what} (at least 3 characters).`);
  return s;
}

export async function rejectWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; reason: string },
  actor: Actor,
) {
  const reason = requireText(input.reason, "reason");
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    await transitionTx(tx, w, "REJECT", { actor, data: { rejectReason: reason }, audit: { reason } });
    return w;
  });
}

/** Bulk reject is safe (no money moves); each item is its own transaction and result. */
export async function rejectWithdrawals(prisma: PrismaClient, input: { ids: string[]; reason: string }, actor: Actor) {
  const results: Array<{ id: string; ok: boolean; message: string | null }> = [];
  for (const id of input.ids) {
    try {
      await rejectWithdrawal(prisma, { withdrawalId: id, reason: input.reason }, actor);
      results.push({ id, ok: true, message: null });
    } catch (err) {
      results.push({ id, ok: false, message: err instanceof Error ? err.message : String(err) });
    }
  }
  return results;
}

/** A manager asks for a second approver: at least two distinct approvals from now on. */
export async function escalateWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; note: string },
  actor: Actor,
) {
  const note = requireText(input.note, "note");
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    const required = Math.max(2, w.requiredApprovals);
    await transitionTx(tx, w, "ESCALATE", {
      actor,
      data: { escalated: true, requiredApprovals: required },
      audit: { note, required },
    });
    return w;
  });
}

export async function freezeWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; reason: string },
  actor: Actor,
) {
  const reason = requireText(input.reason, "reason");
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    const from = w.status;
    await transitionTx(tx, w, "FREEZE", {
      actor,
      data: { frozenFrom: from, frozenById: actor.id, frozenReason: reason },
      audit: { reason },
    });
    return w;
  });
}

export async function appealWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; text: string },
  actor: Actor,
) {
  const text = requireText(input.text, "reason for the appeal");
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    await transitionTx(tx, w, "APPEAL", {
      actor,
      data: { appealText: text, appealedAt: new Date() },
      audit: { appeal: text },
    });
    return w;
  });
}

export async function unfreezeWithdrawal(
  prisma: PrismaClient,
  input: { withdrawalId: string; note: string },
  actor: Actor,
) {
  const note = requireText(input.note, "note");
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    await transitionTx(tx, w, "UNFREEZE", { actor, data: { frozenFrom: null }, audit: { note } });
    return w;
  });
}

export async function confirmFreeze(prisma: PrismaClient, input: { withdrawalId: string; note: string }, actor: Actor) {
  const note = requireText(input.note, "note");
  return prisma.$transaction(async (tx) => {
    const w = await lockWithdrawal(tx, input.withdrawalId);
    await transitionTx(tx, w, "CONFIRM_FREEZE", {
      actor,
      data: { rejectReason: `Compliance: ${note}` },
      audit: { note },
    });
    return w;
  });
}
