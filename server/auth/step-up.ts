// Step-up (DESIGN 0): a TOTP code re-verified inside one interactive session. Freshness belongs to
// the session that made it (AuthSession.stepUpAt), so another session or an API token of the same
// user gains nothing. Five wrong codes lock step-up for 15 minutes and alert ADMIN. Attempts are
// reserved with a conditional UPDATE before the code is checked, so the count is exact under
// concurrency, and an accepted time step is stored the same way, so no code is used twice.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { AppError } from "../errors";
import { raiseSecurityAlert } from "./security-alerts";
import { loadActiveSession } from "./sessions";
import type { ApiTokenActor } from "./sign-in";
import { checkTotp, consumeTotpStep, isStepUpFresh, STEP_UP_MAX_AGE_MS } from "./totp";

export const MAX_STEP_UP_FAILURES = 5;
export const STEP_UP_LOCK_MS = 15 * 60 * 1000;

/** Who asks for a step-up: the request's user with its session or token. */
export interface StepUpActor {
  id: string;
  email: string;
  sessionId?: string | null;
  token?: ApiTokenActor | null;
}

/** Refuses API tokens and calls without a live interactive session. */
export async function requireInteractiveSession(prisma: PrismaClient, actor: StepUpActor, nowMs = Date.now()) {
  if (actor.token || !actor.sessionId) {
    throw new AppError("FORBIDDEN", "This needs an interactive session with its own step-up; API tokens cannot do it.");
  }
  const session = await loadActiveSession(prisma, actor.sessionId, actor.id, nowMs);
  if (!session) throw new AppError("UNAUTHORIZED", "Your session has ended. Please sign in again.");
  return session;
}

function lockedMessage(until: Date): string {
  return `Step-up is locked until ${until.toISOString()} after ${MAX_STEP_UP_FAILURES} wrong codes. An administrator has been alerted.`;
}

/** Verifies a TOTP code in the actor's session and marks the session as stepped up. */
export async function stepUp(prisma: PrismaClient, actor: StepUpActor, code: string, nowMs = Date.now()) {
  const session = await requireInteractiveSession(prisma, actor, nowMs);
  const user = await prisma.user.findUnique({ where: { id: actor.id } });
  if (!user?.totpSecret || !user.totpEnrolledAt) {
    throw new AppError("PRECONDITION_FAILED", "Two-factor authentication is not enrolled for this user.");
  }
  const now = new Date(nowMs);
  // Reserve this attempt: refused when locked or when the failures already reached the limit.
  const reserved = await prisma.user.updateMany({
    where: {
      id: user.id,
      stepUpFailures: { lt: MAX_STEP_UP_FAILURES },
      OR: [{ stepUpLockedUntil: null }, { stepUpLockedUntil: { lte: now } }],
    },
    data: { stepUpFailures: { increment: 1 } },
  });
  if (reserved.count !== 1) {
    const fresh = await prisma.user.findUnique({ where: { id: user.id }, select: { stepUpLockedUntil: true } });
    throw new AppError(
      "TOO_MANY_REQUESTS",
      lockedMessage(fresh?.stepUpLockedUntil ?? new Date(nowMs + STEP_UP_LOCK_MS)),
    );
  }
  const counter = await checkTotp(code, user.totpSecret, nowMs, user.totpLastCounter);
  if (counter !== null && (await consumeTotpStep(prisma, user.id, counter))) {
    await prisma.user.update({
      where: { id: user.id },
      data: { stepUpFailures: 0, stepUpLockedUntil: null, lastStepUpAt: now },
    });
    await prisma.authSession.update({ where: { id: session.id }, data: { stepUpAt: now } });
    await appendAuditEvent(prisma, {
      actorId: user.id,
      actorEmail: user.email,
      action: "auth.stepUp",
      targetType: "User",
      targetId: user.id,
      after: { sessionId: session.id },
    });
    return { verifiedAt: now };
  }
  // The reserved attempt stays counted; the one that reaches the limit turns it into a lock.
  const locked = await prisma.user.updateMany({
    where: { id: user.id, stepUpFailures: { gte: MAX_STEP_UP_FAILURES } },
    data: { stepUpFailures: 0, stepUpLockedUntil: new Date(nowMs + STEP_UP_LOCK_MS) },
  });
  await appendAuditEvent(prisma, {
    actorId: user.id,
    actorEmail: user.email,
    action: "auth.stepUpFailed",
    targetType: "User",
    targetId: user.id,
    after: { sessionId: session.id, locked: locked.count === 1 },
  });
  if (locked.count === 1) {
    const until = new Date(nowMs + STEP_UP_LOCK_MS);
    await raiseSecurityAlert(prisma, {
      kind: "stepUpLocked",
      userId: user.id,
      email: user.email,
      message: `Step-up of ${user.email} locked until ${until.toISOString()} after ${MAX_STEP_UP_FAILURES} wrong codes.`,
    });
    throw new AppError("TOO_MANY_REQUESTS", lockedMessage(until));
  }
  throw new AppError("BAD_REQUEST", "That code is not valid or was already used.");
}

/**
 * The one check for actions that need a fresh step-up in this session (money, parameters, access,
 * liquidation hold/execute): verifies `totpCode` when given, then requires the session's step-up to
 * be at most 5 minutes old. API tokens and other sessions of the same user never qualify.
 */
export async function requireStepUp(
  prisma: PrismaClient,
  actor: StepUpActor,
  totpCode: string | undefined,
  nowMs = Date.now(),
): Promise<void> {
  if (totpCode) await stepUp(prisma, actor, totpCode, nowMs);
  const session = await requireInteractiveSession(prisma, actor, nowMs);
  if (!isStepUpFresh(session.stepUpAt, nowMs)) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `Enter the code from your authenticator app: this needs a step-up in this session no older than ${STEP_UP_MAX_AGE_MS / 60_000} minutes.`,
    );
  }
}
