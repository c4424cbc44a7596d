// Read side of the payments screens: the approvals queue (with AML score, hits, margin impact,
// age and SLA), a withdrawal's evidence and history, frozen items, deposits, large-value reports.
import type { Prisma, PrismaClient } from "../db/generated/client";
import { toCsv } from "../csv/to-csv";
import { AppError } from "../errors";
import type { AmlHit } from "./aml/rules";
import type { MarginCheck } from "./margin-check";

/** Approval SLA (P3): ordinary withdrawals within 30 minutes, two-approver ones within 60. */
export function slaMinutesFor(requiredApprovals: number): number {
  return requiredApprovals > 1 ? 60 : 30;
}

const MARGIN_FIGURES = [
  "cash",
  "debt",
  "marketValue",
  "equity",
  "initialMargin",
  "pendingOther",
  "equityAfter",
  "headroom",
  "imRate",
] as const;
type MarginFigure = (typeof MARGIN_FIGURES)[number];

/**
 * The last margin check stored on the withdrawal (at request, then at each approval), for display:
 * its figures are exact 2-decimal strings in the check and numbers here only for formatting.
 */
export function marginView(riskCheck: unknown) {
  if (!riskCheck || typeof riskCheck !== "object") return null;
  const r = riskCheck as Partial<Record<keyof MarginCheck | "valueDate" | "settlementDate", unknown>>;
  const num = (k: MarginFigure) => (r[k] === undefined || r[k] === null ? null : Number(r[k]));
  const str = (v: unknown) => (typeof v === "string" ? v : null);
  const figures = Object.fromEntries(MARGIN_FIGURES.map((k) => [k, num(k)])) as Record<MarginFigure, number | null>;
  return {
    ...figures,
    headroom: figures.headroom ?? 0,
    equity: figures.equity ?? 0,
    source: r.source === "risk-engine" ? ("risk-engine" as const) : ("conservative" as const),
    checkedAt: str(r.checkedAt),
    marksAsOf: str(r.marksAsOf),
    rateAsOf: str(r.rateAsOf),
    valueDate: str(r.valueDate),
    settlementDate: str(r.settlementDate),
  };
}

type WithdrawalWithApprovals = Prisma.WithdrawalGetPayload<{ include: { approvals: true } }>;

async function accountsById(prisma: PrismaClient, ids: string[]) {
  const rows = await prisma.account.findMany({
    where: { id: { in: [...new Set(ids)] } },
    select: { id: true, code: true, clientName: true, kycLevel: true },
  });
  return new Map(rows.map((a) => [a.id, a]));
}

function present(
  w: WithdrawalWithApprovals,
  account: { code: string; clientName: string; kycLevel: number } | undefined,
  nowMs: number,
) {
  const margin = marginView(w.riskCheck);
  const ageMinutes = Math.max(0, (nowMs - w.createdAt.getTime()) / 60_000);
  const sla = slaMinutesFor(w.requiredApprovals);
  return {
    id: w.id,
    accountId: w.accountId,
    accountCode: account?.code ?? "?",
    clientName: account?.clientName ?? "?",
    kycLevel: account?.kycLevel ?? null,
    amount: Number(w.amount),
    channel: w.channel,
    beneficiaryName: w.beneficiaryName,
    beneficiaryAcct: w.beneficiaryAcct,
    status: w.status,
    source: w.source,
    requestedById: w.requestedById,
    amlScore: w.amlScore,
    amlHits: (w.amlHits ?? []) as unknown as AmlHit[],
    margin,
    requiredApprovals: w.requiredApprovals,
    escalated: w.escalated,
    approvals: w.approvals.map((a) => ({ approverId: a.approverId, approverEmail: a.approverEmail, at: a.createdAt })),
    coolOffUntil: w.coolOffUntil,
    frozenFrom: w.frozenFrom,
    frozenReason: w.frozenReason,
    appealText: w.appealText,
    appealedAt: w.appealedAt,
    rejectReason: w.rejectReason,
    failureReason: w.failureReason,
    railRef: w.railRef,
    createdAt: w.createdAt,
    sentAt: w.sentAt,
    settledAt: w.settledAt,
    ageMinutes,
    slaMinutes: sla,
    slaBreached: ageMinutes > sla,
  };
}
export type WithdrawalView = ReturnType<typeof present>;

export async function listWithdrawals(
  prisma: PrismaClient,
  input: { statuses: string[]; limit: number },
  nowMs = Date.now(),
) {
  const rows = await prisma.withdrawal.findMany({
    where: { status: { in: input.statuses } },
    include: { approvals: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: input.limit,
  });
  const accounts = await accountsById(
    prisma,
    rows.map((r) => r.accountId),
  );
  return rows.map((w) => present(w, accounts.get(w.accountId), nowMs));
}

export async function getWithdrawal(prisma: PrismaClient, id: string, nowMs = Date.now()) {
  const w = await prisma.withdrawal.findUnique({ where: { id }, include: { approvals: true } });
  if (!w) throw new AppError("NOT_FOUND", "Withdrawal not found.");
  const [accounts, history] = await Promise.all([
    accountsById(prisma, [w.accountId]),
    prisma.auditEvent.findMany({
      where: { targetType: "Withdrawal", targetId: id },
      orderBy: { id: "asc" },
      select: { id: true, ts: true, action: true, actorEmail: true, after: true },
    }),
  ]);
  return { ...present(w, accounts.get(w.accountId), nowMs), history };
}

export async function listDeposits(prisma: PrismaClient, input: { limit: number; status?: string }) {
  const rows = await prisma.deposit.findMany({
    where: input.status ? { status: input.status } : {},
    orderBy: { createdAt: "desc" },
    take: input.limit,
  });
  const accounts = await accountsById(
    prisma,
    rows.map((r) => r.accountId),
  );
  return rows.map((d) => ({
    id: d.id,
    accountId: d.accountId,
    accountCode: accounts.get(d.accountId)?.code ?? "?",
    clientName: accounts.get(d.accountId)?.clientName ?? "?",
    amount: Number(d.amount),
    channel: d.channel,
    reference: d.reference,
    payerName: d.payerName,
    status: d.status,
    createdAt: d.createdAt,
    confirmedAt: d.confirmedAt,
    chargebackAt: d.chargebackAt,
  }));
}

export async function listLargeValueReports(prisma: PrismaClient, input: { limit: number }) {
  const rows = await prisma.largeValueReport.findMany({ orderBy: { createdAt: "desc" }, take: input.limit });
  const accounts = await accountsById(
    prisma,
    rows.map((r) => r.accountId),
  );
  return rows.map((r) => ({
    id: r.id,
    refType: r.refType,
    refId: r.refId,
    accountId: r.accountId,
    accountCode: accounts.get(r.accountId)?.code ?? "?",
    clientName: accounts.get(r.accountId)?.clientName ?? "?",
    amount: Number(r.amount),
    category: r.category,
    threshold: Number(r.threshold),
    createdAt: r.createdAt,
  }));
}

/** P4: the large-value report list as CSV (for the PBOC submission): BOM and formula escaping. */
export async function exportLargeValueCsv(prisma: PrismaClient) {
  const rows = await listLargeValueReports(prisma, { limit: 10_000 });
  const head = ["created_at_utc", "category", "threshold_cny", "amount_cny", "type", "reference", "account", "client"];
  return toCsv(
    head,
    rows.map((r) => [
      r.createdAt.toISOString(),
      r.category,
      r.threshold.toFixed(2),
      r.amount.toFixed(2),
      r.refType,
      r.refId,
      r.accountCode,
      r.clientName,
    ]),
  );
}

export async function listAssignees(prisma: PrismaClient) {
  return prisma.user.findMany({
    where: { role: "MANAGER", disabled: false },
    select: { id: true, email: true, name: true },
    orderBy: { email: "asc" },
  });
}
