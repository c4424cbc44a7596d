// M6 persistence: a minute's alarms become MarketAlert rows, the matching rules become
// SymbolAction rows, and both are audited, in one transaction. Plus the reads and the human
// actions (acknowledge, rule changes, revoking an action) of the alerts screens.
import crypto from "node:crypto";
import type { PrismaClient } from "../../db/generated/client";
import { appendAuditEventTx } from "../../audit/audit-service";
import { AppError } from "../../errors";
import { planActions, SEVERITIES, severityRank, type ActiveAction, type RuleView } from "./alert-rules";
import type { Alarm } from "./symbol-monitor";

export interface AlertDto {
  id: string;
  symbol: string;
  ts: number;
  createdAt: number;
  kind: string;
  severity: string;
  evidence: Record<string, unknown>;
  latencyMs: number | null;
  ackAt: number | null;
  ackByEmail: string | null;
  ackNote: string | null;
}
export interface ActionDto {
  id: string;
  symbol: string;
  ruleId: string;
  ruleName: string;
  alertId: string;
  action: string;
  multiplier: number | null;
  detail: Record<string, unknown> | null;
  createdAt: number;
  expiresAt: number;
  revokedAt: number | null;
  latencyMs: number | null;
}

type AlertRow = {
  id: string;
  symbolCode: string;
  ts: Date;
  createdAt: Date;
  kind: string;
  severity: string;
  evidence: unknown;
  latencyMs: number | null;
  ackAt: Date | null;
  ackByEmail: string | null;
  ackNote: string | null;
};
export function toAlertDto(r: AlertRow): AlertDto {
  return {
    id: r.id,
    symbol: r.symbolCode,
    ts: r.ts.getTime(),
    createdAt: r.createdAt.getTime(),
    kind: r.kind,
    severity: r.severity,
    evidence: (r.evidence ?? {}) as Record<string, unknown>,
    latencyMs: r.latencyMs,
    ackAt: r.ackAt?.getTime() ?? null,
    ackByEmail: r.ackByEmail,
    ackNote: r.ackNote,
  };
}

const actionSelect = {
  id: true,
  symbolCode: true,
  ruleId: true,
  alertId: true,
  action: true,
  multiplier: true,
  detail: true,
  createdAt: true,
  expiresAt: true,
  revokedAt: true,
  latencyMs: true,
  rule: { select: { name: true } },
} as const;
type ActionRow = {
  id: string;
  symbolCode: string;
  ruleId: string;
  alertId: string;
  action: string;
  multiplier: number | null;
  detail: unknown;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  latencyMs: number | null;
  rule: { name: string };
};
function toActionDto(r: ActionRow): ActionDto {
  return {
    id: r.id,
    symbol: r.symbolCode,
    ruleId: r.ruleId,
    ruleName: r.rule.name,
    alertId: r.alertId,
    action: r.action,
    multiplier: r.multiplier,
    detail: (r.detail ?? null) as Record<string, unknown> | null,
    createdAt: r.createdAt.getTime(),
    expiresAt: r.expiresAt.getTime(),
    revokedAt: r.revokedAt?.getTime() ?? null,
    latencyMs: r.latencyMs,
  };
}

export async function loadRules(prisma: PrismaClient): Promise<RuleView[]> {
  return prisma.alertRule.findMany({ orderBy: { createdAt: "asc" } });
}

export async function loadActiveActions(prisma: PrismaClient, now: Date): Promise<ActiveAction[]> {
  const rows = await prisma.symbolAction.findMany({
    where: { expiresAt: { gt: now }, revokedAt: null },
    select: { id: true, symbolCode: true, ruleId: true, action: true, multiplier: true, expiresAt: true },
  });
  return rows.map((r) => ({ ...r, expiresAt: r.expiresAt.getTime() }));
}

/** Hedge proposal (M6, C3): the book's exposure to the symbol, beta-weighted, as index-futures notional. */
async function proposeHedges(prisma: PrismaClient, symbols: string[]): Promise<Map<string, Record<string, unknown>>> {
  const out = new Map<string, Record<string, unknown>>();
  if (symbols.length === 0) return out;
  const [positions, specs] = await Promise.all([
    prisma.position.groupBy({
      by: ["symbolCode"],
      where: { symbolCode: { in: symbols } },
      _sum: { qty: true },
      _count: true,
    }),
    prisma.symbol.findMany({ where: { code: { in: symbols } }, select: { code: true, beta: true, prevClose: true } }),
  ]);
  const spec = new Map(specs.map((s) => [s.code, s]));
  for (const p of positions) {
    const s = spec.get(p.symbolCode);
    const exposure = (p._sum.qty ?? 0) * (s?.prevClose ?? 0);
    out.set(p.symbolCode, {
      accounts: p._count,
      exposure: Math.round(exposure),
      beta: s?.beta ?? 1,
      hedgeNotional: Math.round(exposure * (s?.beta ?? 1)),
      instrument: "CSI 300 index futures (IF)",
    });
  }
  return out;
}

export interface PersistedMinute {
  alerts: AlertDto[];
  actions: ActionDto[];
}

/** Persists a minute's alarms and the actions the rules take, with their audit events. */
export async function persistAlarms(
  prisma: PrismaClient,
  input: { alarms: Alarm[]; rules: RuleView[]; active: ActiveAction[]; now: number; minuteTs: number },
): Promise<PersistedMinute> {
  if (input.alarms.length === 0) return { alerts: [], actions: [] };
  const withIds = input.alarms.map((a) => ({ ...a, id: crypto.randomUUID() }));
  const plan = planActions(withIds, input.rules, input.active, input.now);
  const hedges = await proposeHedges(prisma, [
    ...new Set(plan.filter((p) => p.rule.action === "PROPOSE_HEDGE").map((p) => p.alarm.symbol)),
  ]);
  const createdAt = new Date(input.now);
  const actionRows = plan.map(({ alarm, rule }) => ({
    id: crypto.randomUUID(),
    symbolCode: alarm.symbol,
    ruleId: rule.id,
    alertId: alarm.id,
    action: rule.action,
    multiplier: rule.action === "RAISE_MARGIN" ? (rule.multiplier ?? 1.5) : null,
    detail: (rule.action === "PROPOSE_HEDGE"
      ? (hedges.get(alarm.symbol) ?? { exposure: 0 })
      : { kind: alarm.kind }) as object,
    createdAt,
    expiresAt: new Date(input.now + rule.durationMin * 60_000),
  }));
  await prisma.$transaction(async (tx) => {
    await tx.marketAlert.createMany({
      data: withIds.map((a) => ({
        id: a.id,
        symbolCode: a.symbol,
        ts: new Date(a.ts),
        createdAt,
        kind: a.kind,
        severity: a.severity,
        evidence: a.evidence,
      })),
    });
    if (actionRows.length > 0) await tx.symbolAction.createMany({ data: actionRows });
    // One decision record for the minute (the detectors' verdicts), one per action taken.
    await appendAuditEventTx(tx, {
      action: "market.alertsRaised",
      targetType: "minute",
      targetId: new Date(input.minuteTs).toISOString(),
      after: {
        count: withIds.length,
        alerts: withIds.map((a) => ({
          id: a.id,
          symbol: a.symbol,
          kind: a.kind,
          severity: a.severity,
          evidence: a.evidence,
        })),
      },
    });
    for (const a of actionRows) {
      await appendAuditEventTx(tx, {
        action: "market.actionTaken",
        targetType: "symbol",
        targetId: a.symbolCode,
        after: {
          id: a.id,
          action: a.action,
          ruleId: a.ruleId,
          alertId: a.alertId,
          multiplier: a.multiplier,
          expiresAt: a.expiresAt.toISOString(),
        },
      });
    }
  });
  const ruleName = new Map(input.rules.map((r) => [r.id, r.name]));
  return {
    alerts: withIds.map((a) => ({
      id: a.id,
      symbol: a.symbol,
      ts: a.ts,
      createdAt: input.now,
      kind: a.kind,
      severity: a.severity,
      evidence: a.evidence,
      latencyMs: null,
      ackAt: null,
      ackByEmail: null,
      ackNote: null,
    })),
    actions: actionRows.map((r) => ({
      id: r.id,
      symbol: r.symbolCode,
      ruleId: r.ruleId,
      ruleName: ruleName.get(r.ruleId) ?? r.ruleId,
      alertId: r.alertId,
      action: r.action,
      multiplier: r.multiplier,
      detail: r.detail as Record<string, unknown>,
      createdAt: input.now,
      expiresAt: r.expiresAt.getTime(),
      revokedAt: null,
      latencyMs: null,
    })),
  };
}

/** Records the measured bar-close -> persisted-and-pushed latency on the minute's rows. */
export async function recordLatency(prisma: PrismaClient, minute: PersistedMinute, latencyMs: number): Promise<void> {
  if (minute.alerts.length > 0)
    await prisma.marketAlert.updateMany({ where: { id: { in: minute.alerts.map((a) => a.id) } }, data: { latencyMs } });
  if (minute.actions.length > 0)
    await prisma.symbolAction.updateMany({
      where: { id: { in: minute.actions.map((a) => a.id) } },
      data: { latencyMs },
    });
}

export async function listAlerts(
  prisma: PrismaClient,
  input: { symbol?: string; status: "open" | "acked" | "all"; limit: number; before?: number; minSeverity?: string },
): Promise<AlertDto[]> {
  const min = input.minSeverity ? severityRank(input.minSeverity) : 0;
  const rows = await prisma.marketAlert.findMany({
    where: {
      ...(input.symbol ? { symbolCode: input.symbol } : {}),
      ...(min > 0 ? { severity: { in: SEVERITIES.filter((s) => severityRank(s) >= min) } } : {}),
      ...(input.status === "open" ? { ackAt: null } : input.status === "acked" ? { ackAt: { not: null } } : {}),
      ...(input.before ? { createdAt: { lt: new Date(input.before) } } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    take: input.limit,
  });
  return rows.map(toAlertDto);
}

export async function acknowledgeAlert(
  prisma: PrismaClient,
  actor: { id: string; email: string },
  input: { id: string; note?: string },
): Promise<AlertDto> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.marketAlert.findUnique({ where: { id: input.id } });
    if (!row) throw new AppError("NOT_FOUND", "This alert does not exist.");
    if (row.ackAt)
      throw new AppError("CONFLICT", `This alert was already acknowledged by ${row.ackByEmail ?? "someone"}.`);
    const updated = await tx.marketAlert.update({
      where: { id: input.id },
      data: { ackAt: new Date(), ackById: actor.id, ackByEmail: actor.email, ackNote: input.note ?? null },
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "market.alertAcknowledged",
      targetType: "alert",
      targetId: row.id,
      before: { ackAt: null },
      after: { ackAt: updated.ackAt?.toISOString(), note: input.note ?? null, symbol: row.symbolCode, kind: row.kind },
    });
    return toAlertDto(updated);
  });
}

export async function listActions(
  prisma: PrismaClient,
  input: { activeOnly: boolean; symbol?: string; now: Date },
): Promise<ActionDto[]> {
  const rows = await prisma.symbolAction.findMany({
    where: {
      ...(input.symbol ? { symbolCode: input.symbol } : {}),
      ...(input.activeOnly ? { expiresAt: { gt: input.now }, revokedAt: null } : {}),
    },
    orderBy: { createdAt: "desc" },
    take: 200,
    select: actionSelect,
  });
  return rows.map(toActionDto);
}

export async function revokeAction(
  prisma: PrismaClient,
  actor: { id: string; email: string },
  id: string,
): Promise<ActionDto> {
  return prisma.$transaction(async (tx) => {
    const row = await tx.symbolAction.findUnique({ where: { id }, select: actionSelect });
    if (!row) throw new AppError("NOT_FOUND", "This action does not exist.");
    if (row.revokedAt || row.expiresAt.getTime() <= Date.now())
      throw new AppError("CONFLICT", "This action is no longer active.");
    const updated = await tx.symbolAction.update({
      where: { id },
      data: { revokedAt: new Date(), revokedById: actor.id },
      select: actionSelect,
    });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "market.actionRevoked",
      targetType: "symbol",
      targetId: row.symbolCode,
      before: { id, action: row.action, revokedAt: null },
      after: { revokedAt: updated.revokedAt?.toISOString() },
    });
    return toActionDto(updated);
  });
}

export async function updateRule(
  prisma: PrismaClient,
  actor: { id: string; email: string },
  input: { id: string; enabled?: boolean; multiplier?: number; durationMin?: number; minSeverity?: string },
): Promise<RuleView> {
  return prisma.$transaction(async (tx) => {
    const before = await tx.alertRule.findUnique({ where: { id: input.id } });
    if (!before) throw new AppError("NOT_FOUND", "This rule does not exist.");
    if (input.multiplier !== undefined && before.action !== "RAISE_MARGIN") {
      throw new AppError("BAD_REQUEST", "Only a margin rule has a multiplier.");
    }
    const { id, ...data } = input;
    const after = await tx.alertRule.update({ where: { id }, data });
    await appendAuditEventTx(tx, {
      actorId: actor.id,
      actorEmail: actor.email,
      action: "market.ruleUpdated",
      targetType: "alertRule",
      targetId: id,
      before: {
        enabled: before.enabled,
        multiplier: before.multiplier,
        durationMin: before.durationMin,
        minSeverity: before.minSeverity,
      },
      after: {
        enabled: after.enabled,
        multiplier: after.multiplier,
        durationMin: after.durationMin,
        minSeverity: after.minSeverity,
      },
    });
    return after;
  });
}
