// Accounts for the desk: the list with live R1-R3 figures from the risk engine (sortable,
// filterable by status and held symbol, searchable), one account's live evaluation with
// per-position margin, its margin calls, decisions and history. Figures are the last bar close.
import { AppError } from "../errors";
import { readAccountFlags } from "./account-flags";
import { decodeCursor, pageOf, sortValue, type AccountMetaColumns, type AccountSort } from "./account-list-index";
import type { BookColumns } from "../risk/engine/book-columns";
import { STATUS_CODE, statusOfCode } from "../risk/engine/revalue-book";
import { getLiveEngine, type RiskReadDeps } from "../risk/live-book";
import { evaluateAccount } from "../risk/margin/margin-model";
import type { RiskStatus } from "../risk/margin/risk-params";

export { ACCOUNT_SORTS, type AccountSort } from "./account-list-index";

export interface AccountListInput {
  search?: string;
  status?: RiskStatus;
  symbol?: string;
  /** Only accounts with an open surveillance case, a buy restriction or a freeze. */
  flagged?: boolean;
  sort?: AccountSort;
  dir?: "asc" | "desc";
  cursor?: string; // keyset: the nextCursor of the previous page
  limit: number;
}

interface AccountMeta {
  code: string;
  clientName: string;
  kycLevel: number;
}
/** Account codes and names never change once created: read each once per process. */
const metaById = new Map<string, AccountMeta>();
const metaByBook = new WeakMap<BookColumns, AccountMetaColumns>();

async function metaColumns(deps: RiskReadDeps, book: BookColumns): Promise<AccountMetaColumns> {
  const cached = metaByBook.get(book);
  if (cached) return cached;
  const missing = book.accountIds.filter((id) => !metaById.has(id));
  for (let i = 0; i < missing.length; i += 10_000) {
    const rows = await deps.prisma.account.findMany({
      where: { id: { in: missing.slice(i, i + 10_000) } },
      select: { id: true, code: true, clientName: true, kycLevel: true },
    });
    for (const r of rows) metaById.set(r.id, { code: r.code, clientName: r.clientName, kycLevel: r.kycLevel });
  }
  const metas = book.accountIds.map((id) => metaById.get(id) ?? { code: id, clientName: "", kycLevel: 0 });
  const columns: AccountMetaColumns = {
    code: metas.map((m) => m.code),
    clientName: metas.map((m) => m.clientName),
    kycLevel: metas.map((m) => m.kycLevel),
    searchText: metas.map((m) => `${m.code}\u0000${m.clientName}`.toLowerCase()),
  };
  metaByBook.set(book, columns);
  return columns;
}

export async function listAccounts(deps: RiskReadDeps, input: AccountListInput) {
  const engine = await getLiveEngine(deps);
  const live = engine.liveFigures();
  const empty = { items: [], nextCursor: null, total: 0, asOf: null, paramVersion: null };
  if (!live) return empty;
  const { book, figures } = live;
  const symbolIndex = input.symbol ? book.symbolIndex.get(input.symbol) : undefined;
  if (input.symbol && symbolIndex === undefined) throw new AppError("NOT_FOUND", `No account holds ${input.symbol}.`);
  const view = { book, figures, meta: await metaColumns(deps, book) };
  const flags = await readAccountFlags(deps.prisma);
  let only: Set<number> | undefined;
  if (input.flagged) {
    only = new Set();
    for (const id of flags.keys()) {
      const a = book.accountIndex.get(id);
      if (a !== undefined) only.add(a);
    }
  }
  const page = pageOf(view, {
    sort: input.sort ?? "code",
    dir: input.dir ?? "asc",
    cursor: input.cursor ? decodeCursor(input.cursor) : undefined,
    limit: input.limit,
    filter: {
      search: input.search,
      status: input.status ? STATUS_CODE[input.status] : undefined,
      symbolIndex,
      only,
    },
  });
  const items = page.rows.map((a) => {
    const cash = book.cash[a] ?? 0;
    const debt = book.debt[a] ?? 0;
    const ml = figures.marginLevel[a] ?? NaN;
    return {
      id: book.accountIds[a] ?? "",
      code: view.meta.code[a] ?? "",
      clientName: view.meta.clientName[a] ?? "",
      kycLevel: view.meta.kycLevel[a] ?? 0,
      cash,
      debt,
      marketValue: figures.marketValue[a] ?? 0,
      positions: (book.posStart[a + 1] ?? 0) - (book.posStart[a] ?? 0),
      equity: figures.equity[a] ?? 0,
      maintenance: figures.maintenance[a] ?? 0,
      marginLevel: Number.isNaN(ml) ? null : ml,
      coverageRatio: sortValue(view, "coverageRatio", a), // R1 担保比例
      status: statusOfCode(figures.status[a] ?? 0),
      flags: flags.get(book.accountIds[a] ?? "") ?? null,
    };
  });
  return {
    items,
    nextCursor: page.nextCursor,
    total: page.total,
    asOf: live.minuteTs + 60_000,
    paramVersion: live.version,
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
