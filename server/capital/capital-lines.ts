// The capital domain's alert lines as desk events for the duty manager: the LCR below its minimum
// (C2, DEFAULT_LIQUIDITY_PARAMS.minLcr) and the guarantee fund below its line, a share of what was paid
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
    guaranteeBalance: fund?.balance ?? 0,
    guaranteeFunded: fund?.funded ?? 0,
  };
}
