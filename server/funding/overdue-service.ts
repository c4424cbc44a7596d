// F1 overdue handling on the live loans, run with the funding plugin's capital check: loans past their
// term become OVERDUE (penalty interest from the next accrual, a funding alert, an audit event); from
// `restrictAfterDays` the client's margin buys are restricted (the surveillance restriction every buy
// path reads, set by the system, audited); from `liquidateAfterDays` the duty risk desk is paged with
// a link to the account to liquidate it through the queue, and a critical funding alert is kept.
import type { PrismaClient } from "../db/generated/client";
import { appendAuditEventTx } from "../audit/audit-service";
import type { DeskEvent } from "../notify/desk-event";
import { DEFAULT_OVERDUE_POLICY, overdueStage, type OverduePolicy } from "./overdue";
import { raiseFundingAlertTx } from "./source-service";

const SYSTEM = { actorId: null, actorEmail: "system:funding" };
const money = (v: number) => v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export interface OverdueRun {
  markedOverdue: number;
  restricted: number;
  events: DeskEvent[];
}

export async function runOverdue(
  prisma: PrismaClient,
  now: number,
  policy: OverduePolicy = DEFAULT_OVERDUE_POLICY,
): Promise<OverdueRun> {
  const due = await prisma.$queryRaw<
    { id: string; accountId: string; principal: string; status: string; createdAt: Date; termDays: number }[]
  >`SELECT id, "accountId", principal::text AS principal, status, "createdAt", "termDays" FROM "Loan"
    WHERE status IN ('OPEN', 'OVERDUE') AND "createdAt" + "termDays" * interval '1 day' < ${new Date(now)}
    ORDER BY id`;
  const out: OverdueRun = { markedOverdue: 0, restricted: 0, events: [] };
  if (due.length === 0) return out;
  // What earlier runs already did, read once, so a run touches only the loans whose stage moved.
  const [restrictedRows, alertRows] = await Promise.all([
    prisma.$queryRaw<{ accountId: string }[]>`
      SELECT "accountId" FROM "AccountRestriction"
      WHERE "restrictBuys" AND "accountId" = ANY(${[...new Set(due.map((l) => l.accountId))]}::text[])`,
    prisma.$queryRaw<{ loanId: string }[]>`
      SELECT detail->>'loanId' AS "loanId" FROM "FundingAlert" WHERE kind = 'LOAN_LIQUIDATE'`,
  ]);
  const restricted = new Set(restrictedRows.map((r) => r.accountId));
  const alerted = new Set(alertRows.map((r) => r.loanId));
  for (const l of due) {
    const { stage, days } = overdueStage(l, now, policy);
    if (stage === "CURRENT") continue;
    const principal = Number(l.principal);
    const toRestrict = (stage === "RESTRICT" || stage === "LIQUIDATE") && !restricted.has(l.accountId);
    const toAlert = stage === "LIQUIDATE" && !alerted.has(l.id);
    if (l.status === "OPEN" || toRestrict || toAlert)
      await prisma.$transaction(async (tx) => {
        if (l.status === "OPEN") {
          const flipped = await tx.loan.updateMany({
            where: { id: l.id, status: "OPEN" },
            data: { status: "OVERDUE" },
          });
          if (flipped.count === 1) {
            out.markedOverdue++;
            await raiseFundingAlertTx(tx, {
              kind: "LOAN_OVERDUE",
              severity: "WARNING",
              message: `Loan ${l.id} of CNY ${money(principal)} is overdue; it accrues penalty interest (${policy.penaltyMultiplier}x its rate).`,
              detail: { loanId: l.id, accountId: l.accountId },
            });
            await appendAuditEventTx(tx, {
              ...SYSTEM,
              action: "funding.loan.overdue",
              targetType: "Loan",
              targetId: l.id,
              before: { status: "OPEN" },
              after: { status: "OVERDUE", days, penaltyMultiplier: policy.penaltyMultiplier },
            });
          }
        }
        if (toRestrict) {
          const r = await tx.accountRestriction.findUnique({ where: { accountId: l.accountId } });
          restricted.add(l.accountId); // one restriction per account, however many of its loans are late
          if (!r?.restrictBuys) {
            const reason = `Loan ${l.id} overdue ${days} days: margin buys restricted until it is repaid.`;
            await tx.accountRestriction.upsert({
              where: { accountId: l.accountId },
              create: { accountId: l.accountId, restrictBuys: true, reason, byId: "system:funding" },
              update: { restrictBuys: true, reason, byId: "system:funding" },
            });
            out.restricted++;
            await appendAuditEventTx(tx, {
              ...SYSTEM,
              action: "funding.loan.restricted",
              targetType: "Account",
              targetId: l.accountId,
              before: { restrictBuys: false },
              after: { restrictBuys: true, loanId: l.id, days },
            });
          }
        }
        if (toAlert) {
          alerted.add(l.id);
          await raiseFundingAlertTx(tx, {
            kind: "LOAN_LIQUIDATE",
            severity: "CRITICAL",
            message: `Loan ${l.id} of CNY ${money(principal)} is ${days} days overdue: liquidate the account through the queue.`,
            detail: { loanId: l.id, accountId: l.accountId },
          });
        }
      });
    if (stage === "LIQUIDATE")
      out.events.push({
        kind: "funding.loanOverdue",
        severity: "CRITICAL",
        key: `loan:${l.id}`,
        title: `{account}: a loan of CNY ${money(principal)} is ${days} days overdue`,
        detail: `The loan is past its term by ${days} days (line: ${policy.liquidateAfterDays}); margin buys are restricted. Liquidate the account through the queue to repay it.`,
        zh: {
          title: `{account}：一笔 ${money(principal)} 元的融资已逾期 ${days} 天`,
          detail: `该融资已超过期限 ${days} 天（警戒线 ${policy.liquidateAfterDays} 天），融资买入已被限制。请通过平仓队列对该账户平仓以偿还。`,
        },
        accountId: l.accountId,
        objectType: "Account",
        objectId: l.accountId,
        link: `/accounts/${l.accountId}`,
        ts: now,
      });
  }
  return out;
}
