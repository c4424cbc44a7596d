// Governance of the execution session setting (R7: A-share continuous sessions or always open). Which
// hours liquidations may trade decides whether a distressed account is sold now or after the lunch break,
// so the change goes through maker-checker like the margin parameters: RISK or ADMIN proposes with a
// reason, a different MANAGER approves with a fresh step-up (checked by the router), or rejects. The
// proposal is a second Setting row; the decision deletes it with a conditional delete, so two approvers
// at once see one winner, and the setting and both audit events commit in the same transaction.
import type { PrismaClient } from "../../db/generated/client";
import { appendAuditEventTx } from "../../audit/audit-service";
import { AppError } from "../../errors";
import {
  EXECUTION_SESSION_KEY,
  isExecutionSession,
  readExecutionSession,
  type ExecutionSession,
} from "./session-window";

export const EXECUTION_SESSION_PROPOSAL_KEY = `${EXECUTION_SESSION_KEY}.proposal`;

export interface SessionProposal {
  session: ExecutionSession;
  reason: string;
  proposedById: string;
  proposedByEmail: string;
  proposedAt: string;
}

export interface SessionSettingView {
  session: ExecutionSession;
  updatedAt: Date | null;
  proposal: SessionProposal | null;
}

interface Actor {
  id: string;
  email: string;
}

function asProposal(v: unknown): SessionProposal | null {
  if (v === null || typeof v !== "object") return null;
  const p = v as Record<string, unknown>;
  if (!isExecutionSession(p.session)) return null;
  if (typeof p.reason !== "string" || typeof p.proposedById !== "string") return null;
  if (typeof p.proposedByEmail !== "string" || typeof p.proposedAt !== "string") return null;
  return {
    session: p.session,
    reason: p.reason,
    proposedById: p.proposedById,
    proposedByEmail: p.proposedByEmail,
    proposedAt: p.proposedAt,
  };
}

export async function getSessionSetting(prisma: PrismaClient): Promise<SessionSettingView> {
  const [row, proposal] = await Promise.all([
    prisma.setting.findUnique({ where: { key: EXECUTION_SESSION_KEY } }),
    prisma.setting.findUnique({ where: { key: EXECUTION_SESSION_PROPOSAL_KEY } }),
  ]);
  return {
    session: isExecutionSession(row?.value) ? row.value : "ALWAYS_OPEN",
    updatedAt: row?.updatedAt ?? null,
    proposal: asProposal(proposal?.value),
  };
}

function cleanReason(reason: string): string {
  // NUL and other control characters never reach the audit trail.
  const s = reason.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  if (s.length < 3) throw new AppError("BAD_REQUEST", "Give a reason (at least 3 characters).");
  return s;
}

/** RISK or ADMIN proposes a new session; one proposal at a time. */
export async function proposeSession(
  prisma: PrismaClient,
  actor: Actor,
  input: { session: ExecutionSession; reason: string },
): Promise<SessionSettingView> {
  const reason = cleanReason(input.reason);
  await prisma.$transaction(async (tx) => {
    const current = await readExecutionSession(tx);
    if (current === input.session) {
      throw new AppError("BAD_REQUEST", `The execution session is already ${input.session}.`);
    }
    const proposal: SessionProposal = {
      session: input.session,
      reason,
      proposedById: actor.id,
      proposedByEmail: actor.email,
      proposedAt: new Date().toISOString(),
    };
    // createMany skipDuplicates: a second proposal made at the same moment creates nothing (count 0).
    const made = await tx.setting.createMany({
      data: [{ key: EXECUTION_SESSION_PROPOSAL_KEY, value: { ...proposal } }],
      skipDuplicates: true,
    });
    if (made.count !== 1) {
      throw new AppError("CONFLICT", "A change of the execution session is already waiting for a manager.");
    }
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "liquidation.sessionProposed",
      targetType: "setting",
      targetId: EXECUTION_SESSION_KEY,
      before: { session: current },
      after: { session: input.session, reason },
    });
  });
  return getSessionSetting(prisma);
}

/**
 * A MANAGER other than the proposer approves (the setting changes) or rejects (it does not). The
 * caller names the session it saw proposed, so a decision never lands on a different proposal.
 */
export async function decideSession(
  prisma: PrismaClient,
  actor: Actor,
  input: { session: ExecutionSession; approve: boolean; note?: string },
): Promise<SessionSettingView> {
  const note = input.note?.trim() ? cleanReason(input.note) : null;
  if (!input.approve && note === null) throw new AppError("BAD_REQUEST", "Say why the change is rejected.");
  await prisma.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: EXECUTION_SESSION_PROPOSAL_KEY } });
    const proposal = asProposal(row?.value);
    if (!row || !proposal) throw new AppError("NOT_FOUND", "There is no proposed change of the execution session.");
    if (proposal.session !== input.session) {
      throw new AppError("CONFLICT", "The proposal changed since you opened it; review it again.");
    }
    if (proposal.proposedById === actor.id) {
      throw new AppError("FORBIDDEN", "The person who proposed a change cannot decide it (four eyes).");
    }
    // Conditional on the row read: another decision committed first leaves nothing to delete.
    const gone = await tx.setting.deleteMany({
      where: { key: EXECUTION_SESSION_PROPOSAL_KEY, updatedAt: row.updatedAt },
    });
    if (gone.count !== 1) throw new AppError("CONFLICT", "Someone else decided this proposal first.");
    const before = await readExecutionSession(tx);
    if (input.approve) {
      await tx.setting.upsert({
        where: { key: EXECUTION_SESSION_KEY },
        create: { key: EXECUTION_SESSION_KEY, value: proposal.session },
        update: { value: proposal.session },
      });
    }
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.approve ? "liquidation.sessionApproved" : "liquidation.sessionRejected",
      targetType: "setting",
      targetId: EXECUTION_SESSION_KEY,
      before: { session: before },
      after: {
        session: input.approve ? proposal.session : before,
        proposed: proposal.session,
        proposedBy: proposal.proposedByEmail,
        reason: proposal.reason,
        note,
      },
    });
  });
  return getSessionSetting(prisma);
}

/** The proposer takes a pending proposal back (nothing changes). */
export async function withdrawSessionProposal(prisma: PrismaClient, actor: Actor): Promise<SessionSettingView> {
  await prisma.$transaction(async (tx) => {
    const row = await tx.setting.findUnique({ where: { key: EXECUTION_SESSION_PROPOSAL_KEY } });
    const proposal = asProposal(row?.value);
    if (!row || !proposal) throw new AppError("NOT_FOUND", "There is no proposed change of the execution session.");
    if (proposal.proposedById !== actor.id) {
      throw new AppError("FORBIDDEN", "Only the person who proposed the change can withdraw it.");
    }
    const gone = await tx.setting.deleteMany({
      where: { key: EXECUTION_SESSION_PROPOSAL_KEY, updatedAt: row.updatedAt },
    });
    if (gone.count !== 1) throw new AppError("CONFLICT", "The proposal was decided meanwhile.");
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "liquidation.sessionWithdrawn",
      targetType: "setting",
      targetId: EXECUTION_SESSION_KEY,
      before: { proposed: proposal.session },
      after: null,
    });
  });
  return getSessionSetting(prisma);
}
