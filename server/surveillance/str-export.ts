// S5 suspicious-transaction report (STR) export: one row per hit with its evidence, in the column
// order of a regulator's STR intake sheet (reporting institution, subject, suspicion type, period,
// count, amount basis, narrative, evidence references). CSV through server/csv (BOM for Excel with
// Chinese names, formula escaping for cells a client controls, such as names).
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEvent } from "../audit/audit-service";
import { toCsv } from "../csv/to-csv";
import { AppError } from "../errors";

export const STR_HEADER = [
  "report_id",
  "reporting_institution",
  "case_id",
  "subject_account",
  "subject_name",
  "suspicion_type",
  "symbol",
  "trade_day",
  "occurrences",
  "first_seen_utc",
  "last_seen_utc",
  "linked_accounts",
  "evidence_orders",
  "evidence_trades",
  "evidence_payments",
  "case_status",
  "disposition",
  "narrative",
] as const;

const NARRATIVE: Record<string, string> = {
  WASH_TRADE: "Trades with itself or a linked account (same controller)",
  WASH_TRADE_MATCHED: "Opposite-side trades with a linked account within seconds at matching price and size",
  RELATED_PARTY_TRADE: "Trades with a declared related party",
  SPOOFING: "Large orders cancelled within seconds, then execution on the opposite side",
  HIGH_FREQUENCY_SECOND: "Order and cancel rate at or above the exchange's per-second program-trading threshold",
  HIGH_FREQUENCY_DAY: "Orders and cancels at or above the exchange's daily program-trading threshold",
  CANCEL_RATIO: "Cancel ratio at or above the surveillance threshold",
  ORDER_RATE_ZSCORE: "Order rate far above the account's own baseline",
  PRICE_PUSH: "Repeated one-minute price pushes with a large share of the volume",
  FUND_SHARED_SOURCE: "Several accounts funded from one card",
  FUND_COMMON_BENEFICIARY: "Several accounts paying out to one beneficiary",
};

export async function exportStrCsv(
  prisma: PrismaClient,
  caseId: string,
  actor: { id: string; email: string },
  now = Date.now(),
): Promise<{ filename: string; csv: string }> {
  const c = await prisma.surveillanceCase.findUnique({
    where: { id: caseId },
    include: { hits: { orderBy: { firstAt: "asc" } } },
  });
  if (!c) throw new AppError("NOT_FOUND", "Case not found.");
  const account = await prisma.account.findUnique({
    where: { id: c.accountId },
    select: { code: true, clientName: true },
  });
  const reportId = `STR-${new Date(now).toISOString().slice(0, 10).replaceAll("-", "")}-${c.id.slice(-8)}`;
  const rows = c.hits.map((h) => {
    const ev = h.evidence as { orders?: string[]; trades?: string[]; payments?: string[] };
    return [
      reportId,
      "Minute Desk margin-financing platform",
      c.id,
      account?.code ?? c.accountId,
      account?.clientName ?? "",
      h.rule,
      h.symbol ?? "",
      h.day ?? "",
      h.count,
      h.firstAt.toISOString(),
      h.lastAt.toISOString(),
      h.accounts.filter((a) => a !== c.accountId).join(" "),
      (ev.orders ?? []).join(" "),
      (ev.trades ?? []).join(" "),
      (ev.payments ?? []).join(" "),
      c.status,
      c.disposition ?? "",
      NARRATIVE[h.rule] ?? h.rule,
    ];
  });
  await prisma.caseEvent.create({
    data: {
      caseId: c.id,
      ts: new Date(now),
      actorId: actor.id,
      kind: "STR_EXPORTED",
      detail: { reportId, rows: rows.length },
    },
  });
  await appendAuditEvent(prisma, {
    actorId: actor.id,
    actorEmail: actor.email,
    action: "case.strExport",
    targetType: "SurveillanceCase",
    targetId: c.id,
    after: { reportId, rows: rows.length },
  });
  return { filename: `${reportId}.csv`, csv: toCsv(STR_HEADER, rows) };
}
