// Builds the R5 planner's input for accounts of the live book: the risk engine's figures at the last
// bar close (marks, sigmas, ADV, multipliers), what may be sold now (T+1: qty - qtyToday), each
// symbol's lot and the venue's live bid side, suspended and limit-down flags from the broker quote.
// Also the ticket's reasons: the R3 figures, the lines, the parameter version and the replayable inputs.
import type { PrismaClient } from "../../db/generated/client";
import type { AccountInput } from "../../risk/margin/margin-model";
import type { RiskParams } from "../../risk/margin/risk-params";
import type { AccountRiskSnapshot } from "../../risk/ports";
import type { BrokerAdapter } from "../execution/broker-adapter";
import type { PlanInput } from "../planner/types";

/** The slice of the risk engine the liquidation desk reads (RiskEngine satisfies it). */
export interface RiskView {
  snapshot(accountId: string): AccountRiskSnapshot | undefined;
  accountInput(accountId: string): (AccountInput & { minuteTs: number; version: number }) | undefined;
  currentParams(): { version: number; params: RiskParams };
  liveFigures(): { book: { accountIds: string[] }; figures: { status: Uint8Array } } | null;
  refreshBook(): Promise<void>;
}

export interface PlannedAccount {
  accountId: string;
  input: PlanInput;
  snapshot: AccountRiskSnapshot;
  reasons: Record<string, unknown>;
}

export async function buildPlanInputs(
  prisma: PrismaClient,
  deps: { risk: RiskView; broker: BrokerAdapter },
  accountIds: readonly string[],
): Promise<Map<string, PlannedAccount>> {
  const out = new Map<string, PlannedAccount>();
  if (accountIds.length === 0) return out;
  const rows = await prisma.position.findMany({
    where: { accountId: { in: [...accountIds] } },
    select: { accountId: true, symbolCode: true, qty: true, qtyToday: true },
  });
  const today = new Map(rows.map((r) => [`${r.accountId}|${r.symbolCode}`, Math.min(r.qty, Math.max(0, r.qtyToday))]));
  const symbols = [...new Set(rows.map((r) => r.symbolCode))];
  const lots = new Map(
    (await prisma.symbol.findMany({ where: { code: { in: symbols } }, select: { code: true, lotSize: true } })).map(
      (s) => [s.code, s.lotSize],
    ),
  );
  const { version, params } = deps.risk.currentParams();
  for (const accountId of accountIds) {
    const acc = deps.risk.accountInput(accountId);
    const snap = deps.risk.snapshot(accountId);
    if (!acc || !snap) continue;
    const positions = acc.positions.map((p) => {
      const quote = deps.broker.quoteSell(p.symbol);
      const bids = deps.broker.bids(p.symbol);
      return {
        ...p,
        sellableQty: Math.max(0, p.qty - (today.get(`${accountId}|${p.symbol}`) ?? 0)),
        hedged: 0, // the book holds long-only stock positions: nothing hedges them
        feeContribution: 0,
        ...(bids ? { book: { bids } } : {}),
        lotSize: lots.get(p.symbol) ?? 100,
        suspended: quote.reason === "SUSPENDED",
        limitDown: quote.reason === "LIMIT_DOWN",
      };
    });
    const input: PlanInput = { cash: acc.cash, debt: acc.debt, positions };
    const reasons = {
      // R3: the figures and lines that triggered the ticket, and what replays them (A2)
      marginLevel: snap.marginLevel,
      equity: snap.equity,
      maintenanceMargin: snap.maintenanceMargin,
      marketValue: snap.marketValue,
      status: snap.status,
      lines: params.lines,
      paramVersion: version,
      minuteTs: acc.minuteTs,
      inputs: { cash: acc.cash, debt: acc.debt, positions: acc.positions },
    };
    out.set(accountId, { accountId, input, snapshot: snap, reasons });
  }
  return out;
}
