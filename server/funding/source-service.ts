// F1 funding sources: reads (utilization, failover status) and the MANAGER's actions (mark a source
// down or back up, change its cost), each audited; a source going down or its cost spiking raises a
// funding alert naming where new lending now goes.
import Decimal from "decimal.js";
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import { AppError } from "../errors";
import type { Tx } from "../ledger/ledger-service";
import { chooseSource, unusableReason, type SourceView } from "./lending-rules";

export interface Actor {
  id: string;
  email: string;
}

export type SourceRow = Awaited<ReturnType<typeof loadSourcesTx>>[number];

export async function loadSourcesTx(tx: Tx | PrismaClient) {
  return tx.fundingSource.findMany({ orderBy: [{ priority: "asc" }, { code: "asc" }] });
}

export async function sourceViews(tx: Tx | PrismaClient): Promise<SourceView[]> {
  const [rows, limits] = await Promise.all([
    loadSourcesTx(tx),
    tx.concentrationLimit.findMany({ where: { scope: "SOURCE" } }),
  ]);
  const cap = new Map(limits.map((l) => [l.key, new Decimal(l.maxAmount.toString())]));
  return rows.map((r) => ({
    code: r.code,
    status: r.status === "DOWN" ? "DOWN" : "ACTIVE",
    costRate: r.costRate,
    spikeRate: r.spikeRate,
    limitAmount: new Decimal(r.limitAmount.toString()),
    drawn: new Decimal(r.drawn.toString()),
    priority: r.priority,
    backupCode: r.backupCode,
    concentrationMax: cap.get(r.code) ?? null,
  }));
}

export async function raiseFundingAlertTx(
  tx: Tx,
  a: {
    kind: string;
    severity: "INFO" | "WARNING" | "CRITICAL";
    sourceCode?: string | null;
    message: string;
    detail?: object;
  },
) {
  return tx.fundingAlert.create({
    data: {
      kind: a.kind,
      severity: a.severity,
      sourceCode: a.sourceCode ?? null,
      message: a.message,
      detail: a.detail ?? {},
    },
  });
}

/** Sources with utilization, and where new lending of a typical size would go now. */
export async function listSources(prisma: PrismaClient) {
  const views = await sourceViews(prisma);
  const rows = await loadSourcesTx(prisma);
  const route = chooseSource(views, new Decimal(0));
  return {
    sources: rows.map((r) => {
      const v = views.find((x) => x.code === r.code) as SourceView;
      const limit = Number(r.limitAmount);
      const drawn = Number(r.drawn);
      return {
        id: r.id,
        code: r.code,
        name: r.name,
        kind: r.kind,
        limitAmount: limit,
        drawn,
        utilization: limit > 0 ? drawn / limit : 0,
        costRate: r.costRate,
        spikeRate: r.spikeRate,
        maturityDate: r.maturityDate.toISOString(),
        status: r.status,
        statusReason: r.statusReason,
        priority: r.priority,
        backupCode: r.backupCode,
        version: r.version,
        usable: unusableReason(v, new Decimal(0)) === null,
        concentrationMax: v.concentrationMax?.toNumber() ?? null,
      };
    }),
    routing: {
      activeCode: route.source?.code ?? null,
      preferredCode: route.preferred?.code ?? null,
      failedOver: route.source !== null && route.source.code !== route.preferred?.code,
      reason: route.failoverReason,
    },
  };
}

async function lockSourceTx(tx: Tx, code: string) {
  const rows = await tx.$queryRaw<{ id: string }[]>`SELECT id FROM "FundingSource" WHERE code = ${code} FOR UPDATE`;
  if (rows.length === 0) throw new AppError("NOT_FOUND", `No funding source ${code}.`);
  return tx.fundingSource.findUniqueOrThrow({ where: { code } });
}

/** Marks a source DOWN or ACTIVE (MANAGER, step-up checked by the procedure); stale versions are refused. */
export async function setSourceStatus(
  prisma: PrismaClient,
  actor: Actor,
  input: { code: string; status: "ACTIVE" | "DOWN"; reason: string; expectedVersion: number },
) {
  return prisma.$transaction(async (tx) => {
    const before = await lockSourceTx(tx, input.code);
    if (before.version !== input.expectedVersion)
      throw new AppError(
        "CONFLICT",
        `${input.code} changed since you looked at it (version ${before.version}); reload.`,
      );
    if (before.status === input.status) throw new AppError("CONFLICT", `${input.code} is already ${input.status}.`);
    const after = await tx.fundingSource.update({
      where: { code: input.code },
      data: { status: input.status, statusReason: input.reason, version: { increment: 1 } },
    });
    const route = chooseSource(await sourceViews(tx), new Decimal(0));
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "funding.source.status",
      targetType: "FundingSource",
      targetId: before.code,
      before: { status: before.status, version: before.version },
      after: {
        status: after.status,
        reason: input.reason,
        version: after.version,
        newLendingTo: route.source?.code ?? null,
      },
    });
    if (input.status === "DOWN") {
      await raiseFundingAlertTx(tx, {
        kind: "SOURCE_DOWN",
        severity: route.source ? "WARNING" : "CRITICAL",
        sourceCode: before.code,
        message: route.source
          ? `${before.code} is down (${input.reason}); new lending goes to ${route.source.code}.`
          : `${before.code} is down (${input.reason}); no source can fund new lending.`,
        detail: { newLendingTo: route.source?.code ?? null },
      });
    }
    return { code: after.code, status: after.status, version: after.version, newLendingTo: route.source?.code ?? null };
  });
}

/** Changes a source's cost (MANAGER, step-up); a cost above its spike line raises a COST_SPIKE alert. */
export async function setSourceCost(
  prisma: PrismaClient,
  actor: Actor,
  input: { code: string; costRate: number; expectedVersion: number },
) {
  return prisma.$transaction(async (tx) => {
    const before = await lockSourceTx(tx, input.code);
    if (before.version !== input.expectedVersion)
      throw new AppError(
        "CONFLICT",
        `${input.code} changed since you looked at it (version ${before.version}); reload.`,
      );
    const after = await tx.fundingSource.update({
      where: { code: input.code },
      data: { costRate: input.costRate, version: { increment: 1 } },
    });
    const route = chooseSource(await sourceViews(tx), new Decimal(0));
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "funding.source.cost",
      targetType: "FundingSource",
      targetId: before.code,
      before: { costRate: before.costRate, version: before.version },
      after: { costRate: after.costRate, version: after.version, newLendingTo: route.source?.code ?? null },
    });
    if (after.costRate > after.spikeRate && before.costRate <= before.spikeRate) {
      await raiseFundingAlertTx(tx, {
        kind: "COST_SPIKE",
        severity: "WARNING",
        sourceCode: before.code,
        message: `${before.code} costs ${(after.costRate * 100).toFixed(2)}% a year, above its ${(after.spikeRate * 100).toFixed(2)}% line; new lending goes to ${route.source?.code ?? "no source"}.`,
        detail: { costRate: after.costRate, spikeRate: after.spikeRate, newLendingTo: route.source?.code ?? null },
      });
    }
    return {
      code: after.code,
      costRate: after.costRate,
      version: after.version,
      newLendingTo: route.source?.code ?? null,
    };
  });
}

export async function listFundingAlerts(prisma: PrismaClient, take = 50) {
  const rows = await prisma.fundingAlert.findMany({ orderBy: { createdAt: "desc" }, take });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    severity: r.severity,
    sourceCode: r.sourceCode,
    message: r.message,
    createdAt: r.createdAt.toISOString(),
  }));
}
