// T4 weekly risk report: the book at generation, what the engine decided during the week (status
// changes, margin calls, liquidation tickets and their slippage and shortfall, market alerts), the
// largest exposures, and a chart of accounts at WARNING or worse at each day's last bar close.
import type { PrismaClient } from "../db/generated/client";
import { readExposures, type ExposureRow } from "./book-exposure";
import { fmtBps, fmtCny, fmtInt, fmtPct, type ReportSection } from "./report-document";

export interface WeeklyRiskData {
  book: { accounts: number; debt: number; equity: number; marketValue: number };
  statusNow: Record<string, number>;
  statusChanges: Record<string, number>;
  marginCalls: { opened: number; escalated: number };
  tickets: { byStatus: Record<string, number>; total: number; shortfall: number; meanSlippageBps: number | null };
  alerts: Record<string, number>;
  daily: Array<{ day: string; atRisk: number }>;
  top: ExposureRow[];
}

const countBy = (rows: Array<{ key: string; n: bigint | number }>) =>
  Object.fromEntries(rows.map((r) => [r.key, Number(r.n)]));

export async function collectWeeklyRisk(prisma: PrismaClient, start: Date, end: Date): Promise<WeeklyRiskData> {
  const exposures = await readExposures(prisma, { top: 10 });
  const lastTick = await prisma.riskTick.findFirst({
    where: { minuteTs: { lt: end } },
    orderBy: { minuteTs: "desc" },
    select: { counts: true },
  });
  const changes = await prisma.$queryRaw<Array<{ key: string; n: bigint }>>`
    SELECT "toStatus" AS key, count(*) AS n FROM "RiskDecision"
    WHERE kind = 'STATUS_CHANGE' AND "minuteTs" >= ${start} AND "minuteTs" < ${end} GROUP BY 1`;
  const opened = await prisma.marginCall.count({ where: { openedMinute: { gte: start, lt: end } } });
  const escalated = await prisma.marginCall.count({
    where: { openedMinute: { gte: start, lt: end }, status: "ESCALATED" },
  });
  const tickets = await prisma.$queryRaw<
    Array<{ key: string; n: bigint; shortfall: number; slip: number | null; slipN: bigint }>
  >`
    SELECT status AS key, count(*) AS n, COALESCE(SUM(shortfall), 0)::float8 AS shortfall,
      SUM("realizedSlippageBps") AS slip, count("realizedSlippageBps") AS "slipN"
    FROM "LiquidationTicket" WHERE "createdAt" >= ${start} AND "createdAt" < ${end} GROUP BY 1`;
  const alerts = await prisma.$queryRaw<Array<{ key: string; n: bigint }>>`
    SELECT kind AS key, count(*) AS n FROM "MarketAlert" WHERE ts >= ${start} AND ts < ${end} GROUP BY 1`;
  // The last tick of each Asia/Shanghai day: the engine's own count of accounts per status.
  const daily = await prisma.$queryRaw<Array<{ day: string; counts: Record<string, number> }>>`
    SELECT DISTINCT ON (day) day, counts FROM (
      SELECT to_char("minuteTs" AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day, "minuteTs", counts
      FROM "RiskTick" WHERE "minuteTs" >= ${start} AND "minuteTs" < ${end}) t
    ORDER BY day, "minuteTs" DESC`;
  const slipSum = tickets.reduce((s, t) => s + (t.slip ?? 0), 0);
  const slipN = tickets.reduce((s, t) => s + Number(t.slipN), 0);
  return {
    book: exposures.totals,
    statusNow: (lastTick?.counts as Record<string, number> | undefined) ?? {},
    statusChanges: countBy(changes),
    marginCalls: { opened, escalated },
    tickets: {
      byStatus: countBy(tickets),
      total: tickets.reduce((s, t) => s + Number(t.n), 0),
      shortfall: tickets.reduce((s, t) => s + t.shortfall, 0),
      meanSlippageBps: slipN > 0 ? slipSum / slipN : null,
    },
    alerts: countBy(alerts),
    daily: daily.map((d) => ({
      day: d.day,
      atRisk: (d.counts.WARNING ?? 0) + (d.counts.LIQUIDATION ?? 0) + (d.counts.HARD_FLOOR ?? 0),
    })),
    top: exposures.top,
  };
}

const STATUSES = ["HEALTHY", "WARNING", "LIQUIDATION", "HARD_FLOOR"] as const;

export function exposureTable(id: string, rows: ExposureRow[], totalDebt: number): ReportSection {
  return {
    kind: "table",
    id,
    heading: { en: "Largest exposures (by debt)", zh: "最大风险暴露（按融资负债）" },
    columns: [
      { en: "Account", zh: "账户" },
      { en: "Client", zh: "客户" },
      { en: "Debt", zh: "负债" },
      { en: "Share of book debt", zh: "占总负债" },
      { en: "Market value", zh: "持仓市值" },
      { en: "Equity", zh: "权益" },
      { en: "Leverage", zh: "杠杆" },
      { en: "Status", zh: "状态" },
    ],
    numeric: [2, 3, 4, 5, 6],
    rows: rows.map((r) => [
      r.code,
      r.clientName,
      fmtCny(r.debt),
      fmtPct(totalDebt > 0 ? r.debt / totalDebt : null, 2),
      fmtCny(r.marketValue),
      fmtCny(r.equity),
      r.leverage === null ? "equity <= 0" : `${r.leverage.toFixed(2)}x`,
      r.status ?? "HEALTHY",
    ]),
    links: rows.map((r) => `/accounts/${r.accountId}`),
    empty: { en: "No account carries debt.", zh: "没有账户有融资负债。" },
  };
}

export function weeklyRiskSections(d: WeeklyRiskData): ReportSection[] {
  return [
    {
      kind: "facts",
      id: "summary",
      heading: { en: "Summary", zh: "摘要" },
      facts: [
        { label: { en: "Accounts", zh: "账户数" }, value: fmtInt(d.book.accounts) },
        { label: { en: "Total debt", zh: "总负债" }, value: fmtCny(d.book.debt) },
        { label: { en: "Total market value", zh: "总持仓市值" }, value: fmtCny(d.book.marketValue) },
        { label: { en: "Total equity", zh: "总权益" }, value: fmtCny(d.book.equity) },
        { label: { en: "Margin calls opened", zh: "发出追保通知" }, value: fmtInt(d.marginCalls.opened) },
        { label: { en: "Margin calls escalated", zh: "追保升级" }, value: fmtInt(d.marginCalls.escalated) },
        { label: { en: "Liquidation tickets", zh: "平仓工单" }, value: fmtInt(d.tickets.total) },
        { label: { en: "Liquidation shortfall", zh: "穿仓损失" }, value: fmtCny(d.tickets.shortfall) },
        { label: { en: "Mean realized slippage", zh: "平均实际滑点" }, value: fmtBps(d.tickets.meanSlippageBps) },
        {
          label: { en: "Market alerts", zh: "市场预警" },
          value: fmtInt(Object.values(d.alerts).reduce((s, n) => s + n, 0)),
        },
      ],
    },
    {
      kind: "table",
      id: "status",
      heading: { en: "Account status", zh: "账户风险状态" },
      columns: [
        { en: "Status", zh: "状态" },
        { en: "Accounts at the last bar close", zh: "最近收盘账户数" },
        { en: "Status changes into it this period", zh: "本期转入次数" },
      ],
      numeric: [1, 2],
      rows: STATUSES.map((s) => [s, fmtInt(d.statusNow[s] ?? 0), fmtInt(d.statusChanges[s] ?? 0)]),
      empty: { en: "No status recorded.", zh: "无状态记录。" },
    },
    {
      kind: "chart",
      id: "at-risk-daily",
      heading: { en: "Accounts at WARNING or worse, last bar close of each day", zh: "每日收盘时预警及以上账户数" },
      unit: { en: "accounts", zh: "个账户" },
      bars: d.daily.map((x) => ({ label: x.day.slice(5), value: x.atRisk })),
      empty: { en: "The engine recorded no bar close in this period.", zh: "本期引擎没有收盘记录。" },
    },
    {
      kind: "table",
      id: "tickets",
      heading: { en: "Liquidation tickets by status", zh: "平仓工单（按状态）" },
      columns: [
        { en: "Status", zh: "状态" },
        { en: "Tickets", zh: "工单数" },
      ],
      numeric: [1],
      rows: Object.entries(d.tickets.byStatus)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => [k, fmtInt(n)]),
      empty: { en: "No liquidation ticket in this period.", zh: "本期没有平仓工单。" },
    },
    {
      kind: "table",
      id: "alerts",
      heading: { en: "Market alerts by kind", zh: "市场预警（按类型）" },
      columns: [
        { en: "Kind", zh: "类型" },
        { en: "Alerts", zh: "预警数" },
      ],
      numeric: [1],
      rows: Object.entries(d.alerts)
        .sort((a, b) => b[1] - a[1])
        .map(([k, n]) => [k, fmtInt(n)]),
      empty: { en: "No market alert in this period.", zh: "本期没有市场预警。" },
    },
    exposureTable("exposures", d.top, d.book.debt),
  ];
}
