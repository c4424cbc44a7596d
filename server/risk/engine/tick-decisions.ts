// R4 / R3 decisions of one tick, pure: status changes against the previous tick, and the margin
// call life cycle (open when an account falls below the warning line, escalate when the deadline
// passes unmet, close when it recovers). Same inputs -> same decisions (replayable, A2).
import type { RiskStatus } from "../margin/risk-params";
import { statusOfCode, type BookFigures } from "./revalue-book";

export interface OpenCall {
  id: string;
  accountId: string;
  deadline: number; // epoch ms
  escalated: boolean;
  worstStatus: RiskStatus;
}

export interface StatusChange {
  accountId: string;
  from: RiskStatus;
  to: RiskStatus;
  marginLevel: number | null;
  equity: number;
  maintenance: number;
}

export interface CallOpen {
  accountId: string;
  status: RiskStatus;
  marginLevel: number | null;
  requiredDeposit: number; // cash that restores ML to the warning line, CNY
  deadline: number;
}

export interface TickDecisions {
  changes: StatusChange[];
  opened: CallOpen[];
  escalated: Array<{ callId: string; accountId: string; status: RiskStatus; marginLevel: number | null }>;
  closed: Array<{ callId: string; accountId: string; marginLevel: number | null }>;
  worsened: Array<{ callId: string; worstStatus: RiskStatus; marginLevel: number | null }>;
}

const SEVERITY: Record<RiskStatus, number> = { HEALTHY: 0, WARNING: 1, LIQUIDATION: 2, HARD_FLOOR: 3 };

/** `closeTs` is the bar close (minute start + 1 minute); deadlines count from it. */
export function decideTick(input: {
  accountIds: readonly string[];
  previous: Uint8Array; // status codes of the previous tick (HEALTHY for an account never seen)
  figures: BookFigures;
  openCalls: ReadonlyMap<string, OpenCall>;
  closeTs: number;
  warningLine: number;
  marginCallMinutes: number;
}): TickDecisions {
  const { accountIds, previous, figures, openCalls, closeTs } = input;
  const out: TickDecisions = { changes: [], opened: [], escalated: [], closed: [], worsened: [] };
  for (let a = 0; a < accountIds.length; a += 1) {
    const accountId = accountIds[a] ?? "";
    const to = statusOfCode(figures.status[a] ?? 0);
    const from = statusOfCode(previous[a] ?? 0);
    const mlRaw = figures.marginLevel[a] ?? NaN;
    const marginLevel = Number.isNaN(mlRaw) ? null : mlRaw;
    const equity = figures.equity[a] ?? 0;
    const maintenance = figures.maintenance[a] ?? 0;
    if (to !== from) out.changes.push({ accountId, from, to, marginLevel, equity, maintenance });
    const call = openCalls.get(accountId);
    if (!call) {
      if (to !== "HEALTHY") {
        out.opened.push({
          accountId,
          status: to,
          marginLevel,
          requiredDeposit: Math.max(0, Math.round((input.warningLine * maintenance - equity) * 100) / 100),
          deadline: closeTs + input.marginCallMinutes * 60_000,
        });
      }
      continue;
    }
    if (to === "HEALTHY") {
      out.closed.push({ callId: call.id, accountId, marginLevel });
      continue;
    }
    if (SEVERITY[to] > SEVERITY[call.worstStatus]) out.worsened.push({ callId: call.id, worstStatus: to, marginLevel });
    if (!call.escalated && closeTs >= call.deadline)
      out.escalated.push({ callId: call.id, accountId, status: to, marginLevel });
  }
  return out;
}
