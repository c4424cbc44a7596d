// S5 actions on an account: restrict (no new buys) and freeze (the account and its withdrawals),
// and lifting them. They take effect at once: the restriction row is what payments read before an
// approval or a new withdrawal, and a freeze moves every open withdrawal of the account to FROZEN
// in the same transaction. Locks follow the money path's order (account row, then withdrawals),
// so a freeze racing an approval either refuses it or freezes the approved withdrawal before SENT.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import { lockAccountsTx, type Tx } from "../ledger/ledger-service";
import { lockWithdrawal, transitionTx } from "../payments/withdrawal-transition";
import type { Actor } from "./case-service";

export type AccountAction = "RESTRICT" | "FREEZE" | "LIFT_RESTRICT" | "UNFREEZE";

const FREEZABLE = ["REQUESTED", "CHECKED", "PENDING_APPROVAL", "APPROVED"];

export interface AccountControls {
  restrictBuys: boolean;
  frozen: boolean;
}

export async function accountControls(
  prisma: Pick<PrismaClient, "accountRestriction">,
  accountId: string,
): Promise<AccountControls> {
  const r = await prisma.accountRestriction.findUnique({ where: { accountId } });
  return { restrictBuys: r?.restrictBuys ?? false, frozen: r?.frozen ?? false };
}

/** Payments call this inside their transaction (after the account lock): a frozen account moves no money out. */
export async function assertNotFrozenTx(tx: Tx, accountId: string): Promise<void> {
  const r = await tx.accountRestriction.findUnique({ where: { accountId }, select: { frozen: true } });
  if (r?.frozen)
    throw new AppError(
      "PRECONDITION_FAILED",
      "The account is frozen by compliance: its withdrawals cannot be requested or approved until the freeze is lifted.",
    );
}

export async function actOnAccount(
  prisma: PrismaClient,
  input: { accountId: string; action: AccountAction; reason: string; caseId?: string },
  actor: Actor,
  now = Date.now(),
) {
  const reason = input.reason.trim();
  if (reason.length < 3) throw new AppError("BAD_REQUEST", "Give a reason (at least 3 characters).");
  return prisma.$transaction(async (tx) => {
    const account = await tx.account.findUnique({ where: { id: input.accountId }, select: { id: true } });
    if (!account) throw new AppError("NOT_FOUND", "Account not found.");
    await lockAccountsTx(tx, [input.accountId]);
    const before = await tx.accountRestriction.findUnique({ where: { accountId: input.accountId } });
    const prev = { restrictBuys: before?.restrictBuys ?? false, frozen: before?.frozen ?? false };
    const next = { ...prev };
    if (input.action === "RESTRICT") next.restrictBuys = true;
    if (input.action === "LIFT_RESTRICT") next.restrictBuys = false;
    if (input.action === "FREEZE") next.frozen = true;
    if (input.action === "UNFREEZE") next.frozen = false;
    await tx.accountRestriction.upsert({
      where: { accountId: input.accountId },
      create: { accountId: input.accountId, ...next, reason, caseId: input.caseId ?? null, byId: actor.id },
      update: { ...next, reason, caseId: input.caseId ?? before?.caseId ?? null, byId: actor.id },
    });
    const frozenWithdrawals: string[] = [];
    if (input.action === "FREEZE") {
      const open = await tx.withdrawal.findMany({
        where: { accountId: input.accountId, status: { in: FREEZABLE } },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      for (const { id } of open) {
        const w = await lockWithdrawal(tx, id);
        if (!FREEZABLE.includes(w.status)) continue;
        await transitionTx(tx, w, "FREEZE", {
          actor,
          data: { frozenFrom: w.status, frozenById: actor.id, frozenReason: `Account frozen: ${reason}` },
          audit: { reason: `account frozen: ${reason}` },
        });
        frozenWithdrawals.push(id);
      }
    }
    if (input.caseId) {
      const c = await tx.surveillanceCase.findUnique({ where: { id: input.caseId }, select: { accountId: true } });
      if (!c || c.accountId !== input.accountId) throw new AppError("BAD_REQUEST", "The case is not this account's.");
      await tx.caseEvent.create({
        data: {
          caseId: input.caseId,
          ts: new Date(now),
          actorId: actor.id,
          kind: input.action,
          detail: { reason, frozenWithdrawals },
        },
      });
      await tx.surveillanceCase.update({ where: { id: input.caseId }, data: { version: { increment: 1 } } });
    }
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: `account.${input.action.toLowerCase()}`,
      targetType: "Account",
      targetId: input.accountId,
      before: prev,
      after: { ...next, reason, caseId: input.caseId ?? null, frozenWithdrawals },
    });
    return { ...next, frozenWithdrawals };
  });
}
