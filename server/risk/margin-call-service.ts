// Margin calls for the desk (R3): the open ones across the book, and the one human action on
// them here: escalate a call before its deadline (e.g. the client cannot be reached), audited.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { SessionUser } from "../auth/sign-in";
import { AppError } from "../errors";

export async function listOpenMarginCalls(prisma: PrismaClient) {
  const calls = await prisma.marginCall.findMany({
    where: { status: { in: ["OPEN", "ESCALATED"] } },
    orderBy: { deadline: "asc" },
    take: 500,
  });
  const accounts = await prisma.account.findMany({
    where: { id: { in: calls.map((c) => c.accountId) } },
    select: { id: true, code: true, clientName: true },
  });
  const byId = new Map(accounts.map((a) => [a.id, a]));
  return calls.map((c) => ({
    ...c,
    requiredDeposit: Number(c.requiredDeposit),
    accountCode: byId.get(c.accountId)?.code ?? c.accountId,
    clientName: byId.get(c.accountId)?.clientName ?? "",
  }));
}

export async function escalateMarginCall(
  prisma: PrismaClient,
  actor: Pick<SessionUser, "id" | "email">,
  input: { id: string; note: string },
) {
  return prisma.$transaction(async (tx) => {
    const call = await tx.marginCall.findUnique({ where: { id: input.id } });
    if (!call) throw new AppError("NOT_FOUND", "No such margin call.");
    if (call.status !== "OPEN")
      throw new AppError("CONFLICT", `This margin call is already ${call.status.toLowerCase()}.`);
    const now = new Date();
    await tx.marginCall.update({
      where: { id: call.id },
      data: { status: "ESCALATED", escalatedAt: now, escalationNote: input.note },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "marginCall.escalated",
      targetType: "MarginCall",
      targetId: call.id,
      before: { status: call.status },
      after: { status: "ESCALATED", note: input.note, accountId: call.accountId },
    });
    return { id: call.id, status: "ESCALATED" as const };
  });
}
