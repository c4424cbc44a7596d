// Applies one P3 transition inside a transaction: the row is locked, the table says whether the
// event is allowed, and the update is conditional on the state and version read, so a second
// concurrent actor finds the withdrawal already moved and gets a clear CONFLICT (never a second
// payment). Every transition writes its audit event in the same transaction.
import type { Prisma } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import { lockAccountsTx, type Tx } from "../ledger/ledger-service";
import {
  isWithdrawalState,
  nextWithdrawalState,
  type WithdrawalEvent,
  type WithdrawalState,
} from "./withdrawal-states";

export interface Actor {
  id: string;
  email: string;
}

export type WithdrawalRow = Prisma.WithdrawalGetPayload<object>;

/**
 * Locks in the one order of money transactions: the client's account row, then the withdrawal row
 * (the audit lock comes last, with the transition's audit event). accountId never changes, so
 * reading it before the locks is safe.
 */
export async function lockWithdrawal(tx: Tx, id: string): Promise<WithdrawalRow> {
  const owner = await tx.withdrawal.findUnique({ where: { id }, select: { accountId: true } });
  if (!owner) throw new AppError("NOT_FOUND", "Withdrawal not found.");
  await lockAccountsTx(tx, [owner.accountId]);
  await tx.$queryRaw`SELECT id FROM "Withdrawal" WHERE id = ${id} FOR UPDATE`;
  const w = await tx.withdrawal.findUnique({ where: { id } });
  if (!w) throw new AppError("NOT_FOUND", "Withdrawal not found.");
  return w;
}

export function stateOf(w: WithdrawalRow): WithdrawalState {
  if (!isWithdrawalState(w.status)) throw new Error(`unknown withdrawal state ${w.status}`);
  return w.status;
}

function refusal(w: WithdrawalRow, event: WithdrawalEvent): AppError {
  if (w.status === "FROZEN")
    return new AppError(
      "CONFLICT",
      "This withdrawal is frozen by compliance; nobody can act on it until compliance lifts the freeze.",
    );
  return new AppError(
    "CONFLICT",
    `This withdrawal is ${w.status.toLowerCase().replace("_", " ")}; ${event.toLowerCase().replace("_", " ")} is not possible any more.`,
  );
}

export async function transitionTx(
  tx: Tx,
  w: WithdrawalRow,
  event: WithdrawalEvent,
  opts: { actor: Actor | null; data?: Prisma.WithdrawalUpdateManyMutationInput; audit?: Record<string, unknown> },
): Promise<WithdrawalState> {
  const from = stateOf(w);
  const frozenFrom = w.frozenFrom && isWithdrawalState(w.frozenFrom) ? w.frozenFrom : null;
  const to = nextWithdrawalState(from, event, frozenFrom);
  if (to === null) throw refusal(w, event);
  const res = await tx.withdrawal.updateMany({
    where: { id: w.id, status: from, version: w.version },
    data: { ...opts.data, status: to, version: { increment: 1 } },
  });
  if (res.count !== 1)
    throw new AppError("CONFLICT", "Someone else acted on this withdrawal at the same moment; reload it.");
  await appendAuditEventTx(tx, {
    actorId: opts.actor?.id ?? null,
    actorEmail: opts.actor?.email ?? "system:payments",
    action: `withdrawal.${event.toLowerCase()}`,
    targetType: "Withdrawal",
    targetId: w.id,
    before: { status: from, version: w.version },
    after: { status: to, ...opts.audit },
  });
  Object.assign(w, await tx.withdrawal.findUniqueOrThrow({ where: { id: w.id } }));
  return to;
}
