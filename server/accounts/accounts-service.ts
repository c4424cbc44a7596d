// Accounts for the desk: the list with live R1-R3 figures from the risk engine (sortable,
// filterable by status and held symbol, searchable), one account's live evaluation with
// per-position margin, its margin calls, decisions and history. Figures are the last bar close.
import { AppError } from "../errors";
import { statusOfCode } from "../risk/engine/revalue-book";
import { getLiveEngine, type RiskReadDeps } from "../risk/live-book";
import { evaluateAccount } from "../risk/margin/margin-model";
import type { RiskStatus } from "../risk/margin/risk-params";

export const ACCOUNT_SORTS = ["code", "equity", "marginLevel", "coverageRatio", "maintenance", "marketValue"] as const;
export type AccountSort = (typeof ACCOUNT_SORTS)[number];

export interface AccountListInput {
  search?: string;
  status?: RiskStatus;
  symbol?: string;
  sort?: AccountSort;
  dir?: "asc" | "desc";
  cursor?: string; // offset into the sorted, filtered list
  limit: number;
}

export async function listAccounts(deps: RiskReadDeps, input: AccountListInput) {
  const engine = await getLiveEngine(deps);
  const live = engine.liveFigures();
  const rows = await deps.prisma.account.findMany({
    select: { id: true, code: true, clientName: true, kycLevel: true },
  });
  const search = input.search?.trim().toLowerCase();
  const symbolIndex = input.symbol ? live?.book.symbolIndex.get(input.symbol) : undefined;
  if (input.symbol && symbolIndex === undefined) throw new AppError("NOT_FOUND", `No account holds ${input.symbol}.`);
  const items = rows.flatMap((r) => {
    if (search && !r.code.toLowerCase().includes(search) && !r.clientName.toLowerCase().includes(search)) return [];
    const a = live?.book.accountIndex.get(r.id);
    if (!live || a === undefined) return [];
    const { book, figures } = live;
    if (symbolIndex !== undefined) {
      let holds = false;
      for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1)
        if (book.posSym[k] === symbolIndex) holds = true;
      if (!holds) return [];
    }
    const status = statusOfCode(figures.status[a] ?? 0);
    if (input.status && status !== input.status) return [];
    const cash = book.cash[a] ?? 0;
    const debt = book.debt[a] ?? 0;
    const marketValue = figures.marketValue[a] ?? 0;
    const ml = figures.marginLevel[a] ?? NaN;
    return [
      {
        id: r.id,
        code: r.code,
        clientName: r.clientName,
        kycLevel: r.kycLevel,
        cash,
        debt,
        marketValue,
        positions: (book.posStart[a + 1] ?? 0) - (book.posStart[a] ?? 0),
        equity: figures.equity[a] ?? 0,
        maintenance: figures.maintenance[a] ?? 0,
        marginLevel: Number.isNaN(ml) ? null : ml,
        coverageRatio: debt > 0 ? (cash + marketValue) / debt : null, // R1 担保比例
        status,
      },
    ];
  });
  const sort = input.sort ?? "code";
  const sign = input.dir === "desc" ? -1 : 1;
  const key = (v: number | null) => (v === null ? Infinity : v);
  items.sort(
    (x, y) =>
      sign * (sort === "code" ? x.code.localeCompare(y.code) : key(x[sort]) - key(y[sort])) ||
      x.code.localeCompare(y.code),
  );
  const offset = input.cursor ? Number.parseInt(input.cursor, 10) || 0 : 0;
  const page = items.slice(offset, offset + input.limit);
  return {
    items: page,
    nextCursor: offset + input.limit < items.length ? String(offset + input.limit) : null,
    total: items.length,
    asOf: live ? live.minuteTs + 60_000 : null,
    paramVersion: live?.version ?? null,
  };
}

export async function getAccountRisk(deps: RiskReadDeps, accountId: string) {
  const account = await deps.prisma.account.findUnique({
    where: { id: accountId },
    select: { id: true, code: true, clientName: true, kycLevel: true },
  });
  if (!account) throw new AppError("NOT_FOUND", "No such account.");
  const engine = await getLiveEngine(deps);
  const input = engine.accountInput(accountId);
  if (!input)
    throw new AppError(
      "NOT_FOUND",
      "The risk engine has not valued this account yet; try again after the next bar close.",
    );
  const { params } = engine.currentParams();
  const result = evaluateAccount(input, params);
  const names = await deps.prisma.symbol.findMany({
    where: { code: { in: input.positions.map((p) => p.symbol) } },
    select: { code: true, name: true, sector: true },
  });
  const state = await deps.prisma.accountRiskState.findUnique({ where: { accountId } });
  return {
    account,
    asOf: input.minuteTs + 60_000,
    minuteTs: input.minuteTs,
    paramVersion: input.version,
    params,
    cash: input.cash,
    debt: input.debt,
    inputs: input.positions,
    result,
    names: Object.fromEntries(names.map((n) => [n.code, { name: n.name, sector: n.sector }])),
    statusSince: state?.since ?? null,
  };
}

export async function listAccountMarginCalls(deps: RiskReadDeps, accountId: string) {
  const rows = await deps.prisma.marginCall.findMany({
    where: { accountId },
    orderBy: { openedMinute: "desc" },
    take: 50,
  });
  return rows.map((c) => ({ ...c, requiredDeposit: Number(c.requiredDeposit) }));
}

export async function listAccountDecisions(deps: RiskReadDeps, accountId: string) {
  const rows = await deps.prisma.riskDecision.findMany({
    where: { accountId },
    orderBy: { minuteTs: "desc" },
    take: 50,
  });
  return rows.map((d) => ({ ...d, equity: Number(d.equity), maintenance: Number(d.maintenance) }));
}
