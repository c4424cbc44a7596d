// Cases past their SLA (S4: hours to first decision by priority) are published as desk events for the
// compliance officer on duty. Each breach is marked on the case (a CaseEvent SLA_BREACHED, shown in the
// case history), so it is published once per due date, also across restarts; a case reopened with a
// new due date can breach again.
import type { PrismaClient } from "../db/generated/client";
import { ACCOUNT_PLACEHOLDER, type DeskEvent } from "../notify/desk-event";

const shanghai = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

export function caseSlaEvent(
  c: { id: string; accountId: string; priority: number; slaDueAt: Date },
  now: number,
): DeskEvent {
  const due = `${shanghai.format(c.slaDueAt).replace(",", "")} (Asia/Shanghai)`;
  return {
    kind: "case.slaBreached",
    severity: "WARNING",
    key: `case-sla:${c.id}`,
    title: `Case SLA breached: ${ACCOUNT_PLACEHOLDER}`,
    detail: `The surveillance case of account ${ACCOUNT_PLACEHOLDER} (priority ${c.priority}) had no decision by ${due}.`,
    zh: {
      title: `监控案件超出时限：${ACCOUNT_PLACEHOLDER}`,
      detail: `账户 ${ACCOUNT_PLACEHOLDER} 的监控案件（优先级 ${c.priority}）在 ${due} 前未作出处理决定。`,
    },
    accountId: c.accountId,
    objectType: "SurveillanceCase",
    objectId: c.id,
    link: `/compliance/cases/${encodeURIComponent(c.id)}`,
    ts: now,
  };
}

/** Marks the cases whose SLA passed since their last mark and returns their desk events. */
export async function markSlaBreaches(prisma: PrismaClient, now: number, take = 100): Promise<DeskEvent[]> {
  const due = await prisma.surveillanceCase.findMany({
    where: { status: { not: "CLOSED" }, slaDueAt: { lte: new Date(now) } },
    orderBy: { slaDueAt: "asc" },
    take,
    select: {
      id: true,
      accountId: true,
      priority: true,
      slaDueAt: true,
      events: { where: { kind: "SLA_BREACHED" }, orderBy: { ts: "desc" }, take: 1, select: { ts: true } },
    },
  });
  const out: DeskEvent[] = [];
  for (const c of due) {
    // A mark written at or after this due date is this breach's; an older one belonged to an earlier SLA.
    if (c.events[0] && c.events[0].ts.getTime() >= c.slaDueAt.getTime()) continue;
    await prisma.caseEvent.create({
      data: { caseId: c.id, ts: new Date(now), kind: "SLA_BREACHED", detail: { slaDueAt: c.slaDueAt.toISOString() } },
    });
    out.push(caseSlaEvent(c, now));
  }
  return out;
}
