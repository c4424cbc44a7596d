// T4 regulatory report: large exposures, the leverage distribution of accounts with debt, the
// surveillance cases and STRs of the period, and the large-value transactions reported (P4).
import type { PrismaClient } from "../db/generated/client";
import { bucketLeverage, readExposures, type ExposureRow } from "./book-exposure";
import { fmtCny, fmtInt, fmtShanghai, type ReportSection } from "./report-document";
import { exposureTable } from "./weekly-risk";

/** Rows listed per table; the totals above each table always count every row. */
export const REGULATORY_ROW_CAP = 200;

export interface RegulatoryData {
  book: { accounts: number; debt: number; equity: number; marketValue: number };
  top: ExposureRow[];
  leverage: Array<{ label: string; value: number }>;
  cases: { opened: number; byStatus: Record<string, number>; strFiled: number; strExports: number };
  strs: Array<{ caseId: string; accountId: string; account: string; rules: string[]; closedAt: string | null }>;
  largeValue: {
    byCategory: Array<{ category: string; count: number; amount: number }>;
    total: number;
    rows: Array<{ at: string; accountId: string; account: string; refType: string; category: string; amount: number }>;
  };
}

export async function collectRegulatory(prisma: PrismaClient, start: Date, end: Date): Promise<RegulatoryData> {
  const exposures = await readExposures(prisma, { top: 20 });
  const inPeriod = { gte: start, lt: end };
  const byStatus = await prisma.surveillanceCase.groupBy({
    by: ["status"],
    where: { openedAt: inPeriod },
    _count: { _all: true },
  });
  const strCases = await prisma.surveillanceCase.findMany({
    where: { disposition: "STR_FILED", closedAt: inPeriod },
    orderBy: { closedAt: "asc" },
    take: REGULATORY_ROW_CAP,
    select: { id: true, accountId: true, rules: true, closedAt: true },
  });
  const strFiled = await prisma.surveillanceCase.count({ where: { disposition: "STR_FILED", closedAt: inPeriod } });
  const strExports = await prisma.caseEvent.count({ where: { kind: "STR_EXPORTED", ts: inPeriod } });
  const lvGroups = await prisma.largeValueReport.groupBy({
    by: ["category"],
    where: { createdAt: inPeriod },
    _count: { _all: true },
    _sum: { amount: true },
  });
  const lvRows = await prisma.largeValueReport.findMany({
    where: { createdAt: inPeriod },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: REGULATORY_ROW_CAP,
  });
  const accountIds = [...new Set([...strCases.map((c) => c.accountId), ...lvRows.map((r) => r.accountId)])];
  const codes = new Map(
    (await prisma.account.findMany({ where: { id: { in: accountIds } }, select: { id: true, code: true } })).map(
      (a) => [a.id, a.code],
    ),
  );
  return {
    book: exposures.totals,
    top: exposures.top,
    leverage: bucketLeverage(exposures.leverage),
    cases: {
      opened: byStatus.reduce((s, g) => s + g._count._all, 0),
      byStatus: Object.fromEntries(byStatus.map((g) => [g.status, g._count._all])),
      strFiled,
      strExports,
    },
    strs: strCases.map((c) => ({
      caseId: c.id,
      accountId: c.accountId,
      account: codes.get(c.accountId) ?? c.accountId,
      rules: c.rules,
      closedAt: c.closedAt?.toISOString() ?? null,
    })),
    largeValue: {
      byCategory: lvGroups
        .map((g) => ({ category: g.category, count: g._count._all, amount: Number(g._sum.amount ?? 0) }))
        .sort((a, b) => a.category.localeCompare(b.category)),
      total: lvGroups.reduce((s, g) => s + g._count._all, 0),
      rows: lvRows.map((r) => ({
        at: r.createdAt.toISOString(),
        accountId: r.accountId,
        account: codes.get(r.accountId) ?? r.accountId,
        refType: r.refType,
        category: r.category,
        amount: Number(r.amount),
      })),
    },
  };
}

const capNote = (shown: number, total: number) =>
  total > shown
    ? {
        en: `First ${fmtInt(shown)} of ${fmtInt(total)} rows.`,
        zh: `显示前 ${fmtInt(shown)} 行，共 ${fmtInt(total)} 行。`,
      }
    : undefined;

export function regulatorySections(d: RegulatoryData): ReportSection[] {
  return [
    {
      kind: "facts",
      id: "summary",
      heading: { en: "Summary", zh: "摘要" },
      facts: [
        { label: { en: "Accounts", zh: "账户数" }, value: fmtInt(d.book.accounts) },
        { label: { en: "Total debt", zh: "总负债" }, value: fmtCny(d.book.debt) },
        { label: { en: "Total equity", zh: "总权益" }, value: fmtCny(d.book.equity) },
        { label: { en: "Surveillance cases opened", zh: "新开监控案件" }, value: fmtInt(d.cases.opened) },
        {
          label: { en: "STRs filed (cases closed as STR)", zh: "已报送可疑交易报告" },
          value: fmtInt(d.cases.strFiled),
        },
        { label: { en: "STR exports", zh: "可疑交易报告导出次数" }, value: fmtInt(d.cases.strExports) },
        { label: { en: "Large-value transactions", zh: "大额交易" }, value: fmtInt(d.largeValue.total) },
      ],
    },
    exposureTable("exposures", d.top, d.book.debt),
    {
      kind: "chart",
      id: "leverage",
      heading: {
        en: "Leverage distribution (assets / equity, accounts with debt)",
        zh: "杠杆分布（资产/权益，有负债账户）",
      },
      unit: { en: "accounts", zh: "个账户" },
      bars: d.leverage,
      empty: { en: "No account carries debt.", zh: "没有账户有融资负债。" },
    },
    {
      kind: "table",
      id: "cases",
      heading: { en: "Surveillance cases opened, by status", zh: "新开监控案件（按状态）" },
      columns: [
        { en: "Status", zh: "状态" },
        { en: "Cases", zh: "案件数" },
      ],
      numeric: [1],
      rows: Object.entries(d.cases.byStatus).map(([k, n]) => [k, fmtInt(n)]),
      empty: { en: "No case was opened in this period.", zh: "本期没有新开案件。" },
    },
    {
      kind: "table",
      id: "strs",
      heading: { en: "Suspicious transaction reports filed", zh: "已报送的可疑交易报告" },
      columns: [
        { en: "Closed (Asia/Shanghai)", zh: "结案时间（北京时间）" },
        { en: "Account", zh: "账户" },
        { en: "Case", zh: "案件" },
        { en: "Rules", zh: "规则" },
      ],
      rows: d.strs.map((s) => [s.closedAt ? fmtShanghai(s.closedAt) : "-", s.account, s.caseId, s.rules.join(", ")]),
      links: d.strs.map((s) => `/accounts/${s.accountId}`),
      linkColumn: 1,
      empty: { en: "No STR was filed in this period.", zh: "本期没有报送可疑交易报告。" },
      note: capNote(d.strs.length, d.cases.strFiled),
    },
    {
      kind: "table",
      id: "large-value-summary",
      heading: { en: "Large-value transactions by category", zh: "大额交易（按类别）" },
      columns: [
        { en: "Category", zh: "类别" },
        { en: "Transactions", zh: "笔数" },
        { en: "Amount", zh: "金额" },
      ],
      numeric: [1, 2],
      rows: d.largeValue.byCategory.map((c) => [c.category, fmtInt(c.count), fmtCny(c.amount)]),
      empty: { en: "No large-value transaction in this period.", zh: "本期没有大额交易。" },
    },
    {
      kind: "table",
      id: "large-value",
      heading: { en: "Large-value transactions", zh: "大额交易明细" },
      columns: [
        { en: "Reported (Asia/Shanghai)", zh: "报告时间（北京时间）" },
        { en: "Account", zh: "账户" },
        { en: "Type", zh: "类型" },
        { en: "Category", zh: "类别" },
        { en: "Amount", zh: "金额" },
      ],
      numeric: [4],
      rows: d.largeValue.rows.map((r) => [fmtShanghai(r.at), r.account, r.refType, r.category, fmtCny(r.amount)]),
      links: d.largeValue.rows.map((r) => `/accounts/${r.accountId}`),
      linkColumn: 1,
      empty: { en: "No large-value transaction in this period.", zh: "本期没有大额交易。" },
      note: capNote(d.largeValue.rows.length, d.largeValue.total),
    },
  ];
}
