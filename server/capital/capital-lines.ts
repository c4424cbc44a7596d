// The capital domain's alert lines as desk events for the duty manager: the LCR and the reserve ratio
// below their minimums (C2, the liquidity assumptions in force) and the guarantee fund below its line, a share of what was paid
// into it (R8: what the fund can still absorb after losses). Checked on the engine's instance every few
// minutes by the funding plugin; while a line stays breached the repeats group into one incident.
import type { PrismaClient } from "../db/generated/client";
import { readWaterfall } from "../liquidation/waterfall-ledger";
import type { DeskEvent } from "../notify/desk-event";
import { liquidityView } from "./capital-service";

/** The guarantee fund pages below half of what was paid into it. */
export const GUARANTEE_FUND_LINE_SHARE = 0.5;

export interface CapitalLines {
  lcr: number | null;
  minLcr: number;
  /** Reserves (liquidity and overnight pools) over funding drawn; null with nothing drawn. */
  reserveRatio: number | null;
  minReserveRatio: number;
  /** What the guarantee fund can still absorb, and what was paid into it, CNY. */
  guaranteeBalance: number;
  guaranteeFunded: number;
}

const cny = (v: number) => `CNY ${v.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
const pct = (v: number) => `${(v * 100).toFixed(1)}%`;

/** Pure: which lines are breached now. */
export function capitalLineEvents(lines: CapitalLines, now: number): DeskEvent[] {
  const out: DeskEvent[] = [];
  if (lines.lcr !== null && lines.lcr < lines.minLcr) {
    out.push({
      kind: "capital.lcrLow",
      severity: "CRITICAL",
      key: "capital:lcr",
      title: `LCR ${pct(lines.lcr)} is below its line of ${pct(lines.minLcr)}`,
      detail: `High-quality liquid assets no longer cover 30 days of stressed net outflows (LCR ${pct(lines.lcr)}, minimum ${pct(lines.minLcr)}).`,
      zh: {
        title: `流动性覆盖率 ${pct(lines.lcr)} 低于 ${pct(lines.minLcr)} 的警戒线`,
        detail: `优质流动性资产已不足以覆盖 30 天压力情景下的净现金流出（LCR ${pct(lines.lcr)}，最低 ${pct(lines.minLcr)}）。`,
      },
      objectType: "Capital",
      objectId: "lcr",
      link: "/capital",
      ts: now,
    });
  }
  if (lines.reserveRatio !== null && lines.reserveRatio < lines.minReserveRatio) {
    const r = pct(lines.reserveRatio);
    const min = pct(lines.minReserveRatio);
    out.push({
      kind: "capital.reserveLow",
      severity: "WARNING",
      key: "capital:reserve",
      title: `Reserve ratio ${r} is below its line of ${min}`,
      detail: `The liquidity and overnight pools hold ${r} of the funding drawn (minimum ${min}). Top up the pools or draw less funding.`,
      zh: {
        title: `备付金比率 ${r} 低于 ${min} 的警戒线`,
        detail: `流动性池与隔夜池仅为已提用资金的 ${r}（最低 ${min}）。请补充资金池或减少资金提用。`,
      },
      objectType: "Capital",
      objectId: "reserve",
      link: "/capital",
      ts: now,
    });
  }
  const line = lines.guaranteeFunded * GUARANTEE_FUND_LINE_SHARE;
  if (lines.guaranteeFunded > 0 && lines.guaranteeBalance < line) {
    out.push({
      kind: "capital.guaranteeFundLow",
      severity: "CRITICAL",
      key: "capital:guarantee-fund",
      title: `Guarantee fund ${cny(lines.guaranteeBalance)} is below its line of ${cny(line)}`,
      detail: `Losses have used the guarantee fund down to ${cny(lines.guaranteeBalance)} of the ${cny(lines.guaranteeFunded)} paid in (line: ${pct(GUARANTEE_FUND_LINE_SHARE)}). The next losses reach the junior tranche sooner.`,
      zh: {
        title: `担保基金 ${cny(lines.guaranteeBalance)} 低于警戒线 ${cny(line)}`,
        detail: `亏损已使担保基金降至 ${cny(lines.guaranteeBalance)}（实缴 ${cny(lines.guaranteeFunded)}，警戒线 ${pct(GUARANTEE_FUND_LINE_SHARE)}）。后续亏损将更快波及劣后级。`,
      },
      objectType: "Capital",
      objectId: "guarantee-fund",
      link: "/capital",
      ts: now,
    });
  }
  return out;
}

export async function readCapitalLines(prisma: PrismaClient, now: number): Promise<CapitalLines> {
  const [view, waterfall] = await Promise.all([liquidityView(prisma, now), readWaterfall(prisma)]);
  const fund = waterfall.find((l) => l.layer === "GUARANTEE_FUND");
  return {
    lcr: view.lcr.lcr,
    minLcr: view.params.minLcr,
    reserveRatio: view.reserveRatio,
    minReserveRatio: view.params.minReserveRatio,
    guaranteeBalance: fund?.balance ?? 0,
    guaranteeFunded: fund?.funded ?? 0,
  };
}

/** Funding alert kinds recorded for the liquidity lines (the guarantee fund has the waterfall's own view). */
const ALERT_KIND: Partial<Record<DeskEvent["kind"], string>> = {
  "capital.lcrLow": "LCR_LOW",
  "capital.reserveLow": "RESERVE_LOW",
};

/**
 * Pure: which breached lines need a new funding alert. A line already breached (an unacknowledged
 * alert of its kind exists) is not recorded again while it stays breached; a line that recovered is
 * recorded again when it breaches next.
 */
export function newLineAlerts(events: readonly DeskEvent[], openKinds: ReadonlySet<string>) {
  const out: { kind: string; severity: DeskEvent["severity"]; message: string; detail: object }[] = [];
  for (const e of events) {
    const kind = ALERT_KIND[e.kind];
    if (kind && !openKinds.has(kind))
      out.push({ kind, severity: e.severity, message: e.title, detail: { zh: e.zh.title, detail: e.detail } });
  }
  return out;
}

/** Records the breaches as funding alerts; acknowledges the open alerts of lines that recovered. */
export async function recordLineAlerts(prisma: PrismaClient, events: readonly DeskEvent[], now: number) {
  const kinds = Object.values(ALERT_KIND) as string[];
  const open = await prisma.fundingAlert.findMany({
    where: { kind: { in: kinds }, ackAt: null },
    select: { kind: true },
  });
  const openKinds = new Set(open.map((a) => a.kind));
  const fresh = newLineAlerts(events, openKinds);
  const breached = new Set(events.map((e) => ALERT_KIND[e.kind]).filter(Boolean));
  const recovered = [...openKinds].filter((k) => !breached.has(k));
  await prisma.$transaction([
    ...fresh.map((a) => prisma.fundingAlert.create({ data: { ...a, createdAt: new Date(now) } })),
    ...(recovered.length > 0
      ? [
          prisma.fundingAlert.updateMany({
            where: { kind: { in: recovered }, ackAt: null },
            data: { ackAt: new Date(now) },
          }),
        ]
      : []),
  ]);
  return { recorded: fresh.map((a) => a.kind), recovered };
}
