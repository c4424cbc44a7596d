// Parameter governance (R2): versioned sets; RISK or ADMIN proposes with a reason, a MANAGER who
// is a different person approves or rejects after a TOTP step-up no older than 5 minutes; an
// approved version takes effect at the next bar close (activateApprovedVersion, called by the tick).
import type { PrismaClient } from "../../db/generated/client";
import { appendAuditEventTx } from "../../audit/audit-service";
import type { SessionUser } from "../../auth/sign-in";
import { requireStepUp } from "../../auth/step-up";
import { AppError } from "../../errors";
import { DEFAULT_PLANNER_PARAMS } from "../../liquidation/planner/planner-params";
import { DEFAULT_RISK_PARAMS, diffParams, listParamProblems, type RiskParams } from "../margin/risk-params";
import { parseStoredParams } from "./param-schema";

type Actor = Pick<SessionUser, "id" | "email">;

export interface ActiveParams {
  version: number;
  params: RiskParams;
}

/** Version 1 (the defaults) exists in every mode; created at start when missing. */
/**
 * Version 1 of the parameters, once. `demo.reviewWindowSeconds` (demo mode only, DEMO_REVIEW_WINDOW_S)
 * lengthens the liquidation review window of the demo book: with an accelerated clock the default
 * 45 s of engine time pass in 1.5 s of wall time, too short for a person (or a browser test) to act.
 */
export async function ensureDefaultParams(
  prisma: PrismaClient,
  demo: { reviewWindowSeconds?: number } = {},
): Promise<void> {
  if ((await prisma.riskParamVersion.count()) > 0) return;
  const params: RiskParams =
    demo.reviewWindowSeconds === undefined
      ? DEFAULT_RISK_PARAMS
      : {
          ...DEFAULT_RISK_PARAMS,
          liquidation: { ...DEFAULT_PLANNER_PARAMS, reviewWindowSeconds: demo.reviewWindowSeconds },
        };
  await prisma.$transaction(async (tx) => {
    await tx.riskParamVersion.create({
      data: { version: 1, params: params as object, status: "ACTIVE", reason: "Default parameters (DESIGN R2, R3)" },
    });
    await appendAuditEventTx(tx, {
      action: "riskParams.defaultCreated",
      targetType: "RiskParamVersion",
      targetId: "1",
      after: params,
    });
  });
}

export async function getActiveParams(prisma: PrismaClient): Promise<ActiveParams> {
  const row = await prisma.riskParamVersion.findFirst({ where: { status: "ACTIVE" }, orderBy: { version: "desc" } });
  if (!row) return { version: 1, params: DEFAULT_RISK_PARAMS };
  return { version: row.version, params: parseStoredParams(row.params) };
}

export async function getParamsOfVersion(prisma: PrismaClient, version: number): Promise<RiskParams> {
  const row = await prisma.riskParamVersion.findUnique({ where: { version } });
  if (!row) throw new AppError("NOT_FOUND", `Parameter version ${version} does not exist.`);
  return parseStoredParams(row.params);
}

export async function listParamVersions(prisma: PrismaClient) {
  const rows = await prisma.riskParamVersion.findMany({ orderBy: { version: "desc" }, take: 100 });
  const byVersion = new Map(rows.map((r) => [r.version, parseStoredParams(r.params)]));
  return rows.map((r) => {
    const params = byVersion.get(r.version) ?? DEFAULT_RISK_PARAMS;
    const base = r.baseVersion !== null ? byVersion.get(r.baseVersion) : undefined;
    return {
      version: r.version,
      status: r.status,
      reason: r.reason,
      baseVersion: r.baseVersion,
      proposedByEmail: r.proposedByEmail,
      proposedById: r.proposedById,
      proposedAt: r.proposedAt,
      decidedByEmail: r.decidedByEmail,
      decidedAt: r.decidedAt,
      decisionNote: r.decisionNote,
      effectiveMinute: r.effectiveMinute,
      params,
      diff: base ? diffParams(base, params) : [],
    };
  });
}

export async function proposeParams(prisma: PrismaClient, actor: Actor, input: { params: RiskParams; reason: string }) {
  const problems = listParamProblems(input.params);
  if (problems.length > 0) throw new AppError("BAD_REQUEST", problems.join(" "));
  return prisma.$transaction(async (tx) => {
    const pending = await tx.riskParamVersion.findFirst({ where: { status: { in: ["PROPOSED", "APPROVED"] } } });
    if (pending) {
      throw new AppError(
        "CONFLICT",
        `Version ${pending.version} is still ${pending.status.toLowerCase()}; decide it (or wait for the next bar close) first.`,
      );
    }
    const active = await tx.riskParamVersion.findFirst({ where: { status: "ACTIVE" }, orderBy: { version: "desc" } });
    const last = await tx.riskParamVersion.findFirst({ orderBy: { version: "desc" }, select: { version: true } });
    const version = (last?.version ?? 0) + 1;
    const base = active ? parseStoredParams(active.params) : DEFAULT_RISK_PARAMS;
    const diff = diffParams(base, input.params);
    if (diff.length === 0) throw new AppError("BAD_REQUEST", "The proposal does not change any parameter.");
    await tx.riskParamVersion.create({
      data: {
        version,
        params: input.params as object,
        status: "PROPOSED",
        reason: input.reason,
        baseVersion: active?.version ?? null,
        proposedById: actor.id,
        proposedByEmail: actor.email,
      },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "riskParams.proposed",
      targetType: "RiskParamVersion",
      targetId: String(version),
      before: { version: active?.version ?? null },
      after: { reason: input.reason, diff },
    });
    return { version, diff };
  });
}

/** Maker-checker: a different MANAGER with a fresh TOTP step-up (the code is verified here when given). */
export async function decideParams(
  prisma: PrismaClient,
  actor: Actor,
  input: { version: number; approve: boolean; note?: string; totpCode?: string },
  nowMs = Date.now(),
) {
  const row = await prisma.riskParamVersion.findUnique({ where: { version: input.version } });
  if (!row) throw new AppError("NOT_FOUND", `Parameter version ${input.version} does not exist.`);
  if (row.status !== "PROPOSED")
    throw new AppError("CONFLICT", `Version ${input.version} is ${row.status.toLowerCase()}, not awaiting a decision.`);
  if (row.proposedById === actor.id) {
    throw new AppError(
      "FORBIDDEN",
      "You proposed this change; another manager must approve or reject it (maker-checker).",
    );
  }
  // Session-bound step-up: another session or an API token of the same user never qualifies.
  await requireStepUp(prisma, actor, input.totpCode, nowMs);
  const status = input.approve ? "APPROVED" : "REJECTED";
  return prisma.$transaction(async (tx) => {
    const updated = await tx.riskParamVersion.updateMany({
      where: { version: input.version, status: "PROPOSED" },
      data: {
        status,
        decidedById: actor.id,
        decidedByEmail: actor.email,
        decidedAt: new Date(nowMs),
        decisionNote: input.note ?? null,
      },
    });
    if (updated.count !== 1) throw new AppError("CONFLICT", "Someone else decided this version a moment ago.");
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: input.approve ? "riskParams.approved" : "riskParams.rejected",
      targetType: "RiskParamVersion",
      targetId: String(input.version),
      before: { status: "PROPOSED" },
      after: { status, note: input.note ?? null },
    });
    return { version: input.version, status };
  });
}

/** Called at each bar close before revaluation: the approved version becomes ACTIVE from this minute. */
export async function activateApprovedParams(prisma: PrismaClient, minuteTs: number): Promise<number | null> {
  const approved = await prisma.riskParamVersion.findFirst({
    where: { status: "APPROVED" },
    orderBy: { version: "desc" },
  });
  if (!approved) return null;
  await prisma.$transaction(async (tx) => {
    const previous = await tx.riskParamVersion.findFirst({ where: { status: "ACTIVE" }, orderBy: { version: "desc" } });
    await tx.riskParamVersion.updateMany({
      where: { status: { in: ["ACTIVE", "APPROVED"] }, version: { not: approved.version } },
      data: { status: "SUPERSEDED" },
    });
    await tx.riskParamVersion.update({
      where: { version: approved.version },
      data: { status: "ACTIVE", effectiveMinute: new Date(minuteTs) },
    });
    await appendAuditEventTx(tx, {
      action: "riskParams.activated",
      targetType: "RiskParamVersion",
      targetId: String(approved.version),
      before: { activeVersion: previous?.version ?? null },
      after: { activeVersion: approved.version, minuteTs: new Date(minuteTs).toISOString() },
    });
  });
  return approved.version;
}
