// Notifications read from the queues rather than the bus: payments that failed at the rail (maker and
// approvers), case assignments (assignee), approvals waiting for a checker (withdrawals, parameters,
// access) and on-call pages (the paged person). The scan is idempotent: each draft has a dedupe key
// per person, so re-reading the same rows writes nothing new.
import type { PrismaClient } from "../db/generated/client";
import { APPROVER_ROLES, type NotificationDraft } from "./notification-kinds";

const TAKE = 200;
const money = (d: { toString(): string }) => Number(d.toString()).toLocaleString("en-US", { minimumFractionDigits: 2 });

export async function scanQueues(prisma: PrismaClient): Promise<NotificationDraft[]> {
  const out: NotificationDraft[] = [];
  const failed = await prisma.withdrawal.findMany({
    where: { status: { in: ["FAILED", "REVERSED"] } },
    orderBy: { updatedAt: "desc" },
    take: TAKE,
    include: { approvals: { select: { approverId: true } } },
  });
  const pending = await prisma.withdrawal.findMany({
    where: { status: "PENDING_APPROVAL" },
    orderBy: { createdAt: "desc" },
    take: TAKE,
    include: { approvals: { select: { approverId: true } } },
  });
  const accountIds = [...new Set([...failed, ...pending].map((w) => w.accountId))];
  const accounts = await prisma.account.findMany({
    where: { id: { in: accountIds } },
    select: { id: true, code: true },
  });
  const codeOf = new Map(accounts.map((a) => [a.id, a.code]));
  for (const w of failed) {
    const code = codeOf.get(w.accountId) ?? w.accountId;
    const verb = w.status === "FAILED" ? "failed at the rail" : "was reversed";
    const verbZh = w.status === "FAILED" ? "在支付通道失败" : "已被退回";
    const people = [w.requestedById, ...w.approvals.map((a) => a.approverId)].filter((u): u is string => !!u);
    out.push({
      kind: "payment.failed",
      severity: "WARNING",
      title: `Withdrawal ${verb}: ${code}`,
      titleZh: `出金${verbZh}：${code}`,
      body: `The approved withdrawal of CNY ${money(w.amount)} for ${code} ${verb}${w.failureReason ? `: ${w.failureReason}` : "."}`,
      bodyZh: `账户 ${code} 已批准的出金 ${money(w.amount)} 元${verbZh}${w.failureReason ? `：${w.failureReason}` : "。"}`,
      href: `/payments/processed?withdrawal=${encodeURIComponent(w.id)}`,
      objectType: "Withdrawal",
      objectId: w.id,
      dedupeKey: `payment-${w.status.toLowerCase()}:${w.id}`,
      audience: { userIds: people },
    });
  }
  for (const w of pending) {
    const code = codeOf.get(w.accountId) ?? w.accountId;
    out.push({
      kind: "approval.withdrawal",
      severity: "INFO",
      title: `Withdrawal to approve: ${code}, CNY ${money(w.amount)}`,
      titleZh: `待审批出金：${code}，${money(w.amount)} 元`,
      body: `A withdrawal of CNY ${money(w.amount)} for ${code} waits for your approval.`,
      bodyZh: `账户 ${code} 的出金 ${money(w.amount)} 元等待您审批。`,
      href: `/payments/approvals/${encodeURIComponent(w.id)}`,
      objectType: "Withdrawal",
      objectId: w.id,
      dedupeKey: `approve-withdrawal:${w.id}`,
      audience: {
        roles: APPROVER_ROLES["approval.withdrawal"],
        exceptUserIds: [w.requestedById, ...w.approvals.map((a) => a.approverId)].filter((u): u is string => !!u),
      },
    });
  }
  const params = await prisma.riskParamVersion.findMany({ where: { status: "PROPOSED" }, take: TAKE });
  for (const p of params) {
    out.push({
      kind: "approval.parameters",
      severity: "INFO",
      title: `Margin parameters v${p.version} to approve`,
      titleZh: `待审批保证金参数 v${p.version}`,
      body: `Proposed by ${p.proposedByEmail ?? "someone"}: ${p.reason}`,
      bodyZh: `由 ${p.proposedByEmail ?? "他人"} 提议：${p.reason}`,
      href: "/risk/parameters",
      objectType: "RiskParamVersion",
      objectId: String(p.version),
      dedupeKey: `approve-params:${p.version}`,
      audience: { roles: APPROVER_ROLES["approval.parameters"], exceptUserIds: p.proposedById ? [p.proposedById] : [] },
    });
  }
  const access = await prisma.accessProposal.findMany({ where: { status: "PENDING" }, take: TAKE });
  for (const a of access) {
    out.push({
      kind: "approval.access",
      severity: "INFO",
      title: `Access change to approve: ${a.kind} ${a.targetEmail}`,
      titleZh: `待审批权限变更：${a.kind} ${a.targetEmail}`,
      body: `Another administrator proposed ${a.kind} for ${a.targetEmail}.`,
      bodyZh: `另一位管理员提议对 ${a.targetEmail} 执行 ${a.kind}。`,
      href: "/admin/users",
      objectType: "AccessProposal",
      objectId: a.id,
      dedupeKey: `approve-access:${a.id}`,
      audience: { roles: APPROVER_ROLES["approval.access"], exceptUserIds: [a.proposedById] },
    });
  }
  const cases = await prisma.surveillanceCase.findMany({
    where: { assigneeId: { not: null }, status: { not: "CLOSED" } },
    orderBy: { updatedAt: "desc" },
    take: TAKE,
  });
  const caseCodes = new Map(
    (
      await prisma.account.findMany({
        where: { id: { in: cases.map((c) => c.accountId) } },
        select: { id: true, code: true },
      })
    ).map((a) => [a.id, a.code]),
  );
  for (const c of cases) {
    const code = caseCodes.get(c.accountId) ?? c.accountId;
    out.push({
      kind: "case.assigned",
      severity: "INFO",
      title: `Case assigned to you: ${code}`,
      titleZh: `分配给您的案件：${code}`,
      body: `The surveillance case on ${code} (priority ${c.priority}) is yours.`,
      bodyZh: `账户 ${code} 的监察案件（优先级 ${c.priority}）已分配给您。`,
      href: `/compliance/cases/${encodeURIComponent(c.id)}`,
      objectType: "SurveillanceCase",
      objectId: c.id,
      dedupeKey: `case-assigned:${c.id}:${c.assigneeId ?? ""}`,
      audience: { userIds: c.assigneeId ? [c.assigneeId] : [] },
    });
  }
  const pages = await prisma.oncallPage.findMany({
    orderBy: { createdAt: "desc" },
    take: TAKE,
    include: { incident: true },
  });
  for (const p of pages) {
    const i = p.incident;
    out.push({
      kind: "oncall.page",
      severity: i.severity === "CRITICAL" || i.severity === "WARNING" ? i.severity : "INFO",
      title: `Paged: ${i.title}`,
      titleZh: `值班呼叫：${i.titleZh || i.title}`,
      body: i.detail,
      bodyZh: i.detailZh || i.detail,
      href: `/oncall?incident=${encodeURIComponent(i.id)}`,
      objectType: "OncallIncident",
      objectId: i.id,
      dedupeKey: `page:${p.id}`,
      audience: { userIds: [p.userId] },
    });
  }
  return out;
}
