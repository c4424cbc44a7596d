// Reads for the compliance desk: the case queue (priority, then SLA), a case with its hits,
// timeline, account, controls and linked accounts, the flagged-accounts list, an account's
// controls (account page) and an account's cluster as a graph.
import type { PrismaClient } from "../db/generated/client";
import { AppError } from "../errors";
import type { AccountRiskSource } from "../risk/ports";
import { loadLinks } from "./links-service";
import { UnionFind } from "./clusters";

export async function listCases(prisma: PrismaClient, input: { status?: string[]; limit?: number; now?: number }) {
  const now = input.now ?? Date.now();
  const rows = await prisma.surveillanceCase.findMany({
    where: { status: { in: input.status ?? ["OPEN", "INVESTIGATING", "ESCALATED"] } },
    orderBy: [{ priority: "desc" }, { slaDueAt: "asc" }, { id: "asc" }],
    take: input.limit ?? 200,
    select: {
      id: true,
      accountId: true,
      status: true,
      priority: true,
      anomalyScore: true,
      rules: true,
      assigneeId: true,
      slaDueAt: true,
      openedAt: true,
      updatedAt: true,
      _count: { select: { hits: true } },
    },
  });
  const accounts = await prisma.account.findMany({
    where: { id: { in: rows.map((r) => r.accountId) } },
    select: { id: true, code: true, clientName: true },
  });
  const users = await prisma.user.findMany({
    where: { id: { in: rows.flatMap((r) => (r.assigneeId ? [r.assigneeId] : [])) } },
    select: { id: true, email: true },
  });
  const acc = new Map(accounts.map((a) => [a.id, a]));
  const usr = new Map(users.map((u) => [u.id, u.email]));
  return rows.map((r) => ({
    id: r.id,
    accountId: r.accountId,
    accountCode: acc.get(r.accountId)?.code ?? r.accountId,
    clientName: acc.get(r.accountId)?.clientName ?? "",
    status: r.status,
    priority: r.priority,
    anomalyScore: r.anomalyScore,
    rules: r.rules,
    hits: r._count.hits,
    assignee: r.assigneeId ? (usr.get(r.assigneeId) ?? r.assigneeId) : null,
    slaDueAt: r.slaDueAt,
    slaBreached: r.slaDueAt.getTime() < now,
    openedAt: r.openedAt,
    updatedAt: r.updatedAt,
  }));
}

export async function getCase(prisma: PrismaClient, caseId: string, deps: { accountRisk?: AccountRiskSource } = {}) {
  const c = await prisma.surveillanceCase.findUnique({
    where: { id: caseId },
    include: { hits: { orderBy: { lastAt: "desc" } }, events: { orderBy: { ts: "asc" }, take: 500 } },
  });
  if (!c) throw new AppError("NOT_FOUND", "Case not found.");
  const [account, controls, actors] = await Promise.all([
    prisma.account.findUnique({
      where: { id: c.accountId },
      select: { id: true, code: true, clientName: true, kycLevel: true, cash: true, debt: true },
    }),
    prisma.accountRestriction.findUnique({ where: { accountId: c.accountId } }),
    prisma.user.findMany({
      where: { id: { in: [...new Set(c.events.flatMap((e) => (e.actorId ? [e.actorId] : [])))] } },
      select: { id: true, email: true },
    }),
  ]);
  const codes = await prisma.account.findMany({
    where: { id: { in: [...new Set(c.hits.flatMap((h) => h.accounts))] } },
    select: { id: true, code: true },
  });
  const actorEmail = new Map(actors.map((a) => [a.id, a.email]));
  return {
    ...c,
    account: account
      ? { ...account, cash: Number(account.cash), debt: Number(account.debt) }
      : { id: c.accountId, code: c.accountId, clientName: "", kycLevel: 0, cash: 0, debt: 0 },
    accountCodes: Object.fromEntries(codes.map((a) => [a.id, a.code])),
    controls: {
      restrictBuys: controls?.restrictBuys ?? false,
      frozen: controls?.frozen ?? false,
      reason: controls?.reason ?? null,
    },
    risk: deps.accountRisk?.snapshot(c.accountId) ?? null,
    events: c.events.map((e) => ({ ...e, actor: e.actorId ? (actorEmail.get(e.actorId) ?? e.actorId) : null })),
  };
}

export async function accountSurveillance(prisma: PrismaClient, accountId: string) {
  const [controls, c] = await Promise.all([
    prisma.accountRestriction.findUnique({ where: { accountId } }),
    prisma.surveillanceCase.findUnique({
      where: { accountId },
      select: { id: true, status: true, priority: true, rules: true },
    }),
  ]);
  return {
    restrictBuys: controls?.restrictBuys ?? false,
    frozen: controls?.frozen ?? false,
    reason: controls?.reason ?? null,
    since: controls?.updatedAt ?? null,
    case: c,
  };
}

export const GRAPH_MAX_NODES = 500;

/** The account's cluster over every link kind (relations included), capped at GRAPH_MAX_NODES. */
export async function accountGraph(prisma: PrismaClient, accountId: string) {
  const links = await loadLinks(prisma);
  const uf = new UnionFind();
  uf.add(accountId);
  for (const l of links) uf.union(l.a, l.b);
  const root = uf.find(accountId);
  const members = new Set([...uf.elements()].filter((a) => uf.find(a) === root));
  const nodesAll = [...members].sort();
  const truncated = nodesAll.length > GRAPH_MAX_NODES;
  const nodeIds = new Set(nodesAll.slice(0, GRAPH_MAX_NODES));
  nodeIds.add(accountId);
  const accounts = await prisma.account.findMany({
    where: { id: { in: [...nodeIds] } },
    select: { id: true, code: true },
  });
  const cases = await prisma.surveillanceCase.findMany({
    where: { accountId: { in: [...nodeIds] } },
    select: { accountId: true, priority: true, status: true },
  });
  const caseOf = new Map(cases.map((c) => [c.accountId, c]));
  return {
    truncated,
    nodes: accounts.map((a) => ({
      id: a.id,
      code: a.code,
      priority: caseOf.get(a.id)?.priority ?? null,
      self: a.id === accountId,
    })),
    edges: links
      .filter((l) => nodeIds.has(l.a) && nodeIds.has(l.b))
      .map((l) => ({ a: l.a, b: l.b, kind: l.kind, value: l.value })),
  };
}

/** Who a case can be assigned to: the active compliance officers. */
export async function listAssignees(prisma: PrismaClient) {
  return prisma.user.findMany({
    where: { role: "COMPLIANCE", disabled: false },
    select: { id: true, name: true, email: true },
    orderBy: { name: "asc" },
    take: 500,
  });
}
