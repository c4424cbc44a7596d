// R7 one minute's execution slice of a ticket, in ONE database transaction: the ticket row is locked,
// every open leg sells what the minute allows (a share of the symbol's last minute volume, less what
// other tickets already sold of it this minute; nothing while suspended or limit-down), and each fill
// moves money through server/ledger (trade proceeds, fees, then debt repayment from the net proceeds)
// together with the position, the leg's progress and the ticket's state. Idempotent: a fill's key is
// (ticket, leg, minute), so a slice replayed after a crash or by a second caller adds nothing; a crash
// before commit rolls the whole slice back (no fill without its money, no money without its fill).
import crypto from "node:crypto";
import Decimal from "decimal.js";
import type { PrismaClient } from "../../db/generated/client";
import { debtRepaymentEntry, feeEntry, toMoney, tradeEntry } from "../../ledger/ledger-math";
import { postEntryTx, type Tx } from "../../ledger/ledger-service";
import { computeSellFees } from "../planner/fees";
import type { PlannerParams } from "../planner/types";
import { lockTicket, ticketStateOf, transitionTicketTx, type TicketBusEvent } from "../tickets/ticket-transition";
import type { BrokerAdapter } from "./broker-adapter";

export interface SliceDeps {
  broker: BrokerAdapter;
  planner: PlannerParams;
  nowMs: number; // engine clock
  /** Test seam: runs after each fill is written, inside the transaction (a throw simulates a crash). */
  afterFill?: (fillKey: string) => void;
  /** Last closed bar's volume per symbol for this minute (shared across the minute's slices). */
  volumes?: Map<string, number>;
  /** R8: absorbs the account's negative equity once nothing is left to sell (same transaction). */
  absorbLossTx?: (tx: Tx, accountId: string, ticketId: string) => Promise<void>;
}

export interface SliceResult {
  ticketId: string;
  filled: number; // shares filled in this slice
  events: TicketBusEvent[];
  done: boolean;
}

const MINUTE = 60_000;

async function minuteCap(
  tx: Tx,
  symbol: string,
  minuteTs: Date,
  share: number,
  volumes: Map<string, number> | undefined,
): Promise<number> {
  let volume = volumes?.get(symbol);
  if (volume === undefined) {
    const bar = await tx.bar1m.findFirst({
      where: { symbolCode: symbol, ts: { lt: minuteTs } },
      orderBy: { ts: "desc" },
      select: { volume: true },
    });
    volume = bar?.volume ?? 0;
    volumes?.set(symbol, volume);
  }
  // What other tickets sold of it this minute comes from the database, so it holds across processes.
  const used = await tx.liquidationFill.aggregate({ where: { symbol, minuteTs }, _sum: { qty: true } });
  return Math.max(0, Math.floor(volume * share) - (used._sum.qty ?? 0));
}

/** Whole lots, except the leg's odd remainder which may go as one order (A-share odd-lot sells). */
function roundToLots(qty: number, remaining: number, lot: number): number {
  if (qty >= remaining) return remaining;
  return Math.floor(qty / lot) * lot;
}

export async function executeSlice(prisma: PrismaClient, ticketId: string, deps: SliceDeps): Promise<SliceResult> {
  const minuteTs = new Date(Math.floor(deps.nowMs / MINUTE) * MINUTE);
  return prisma.$transaction(
    async (tx) => {
      const t = await lockTicket(tx, ticketId);
      const state = ticketStateOf(t);
      if (state !== "EXECUTING" && state !== "PARTIALLY_FILLED")
        return { ticketId, filled: 0, events: [], done: state === "EXECUTED" };
      const legs = await tx.liquidationLeg.findMany({ where: { ticketId }, orderBy: { seq: "asc" } });
      const lots = new Map(
        (
          await tx.symbol.findMany({
            where: { code: { in: legs.map((l) => l.symbol) } },
            select: { code: true, lotSize: true },
          })
        ).map((s) => [s.code, s.lotSize]),
      );
      const doneThisMinute = new Set(
        (await tx.liquidationFill.findMany({ where: { ticketId, minuteTs }, select: { fillKey: true } })).map(
          (f) => f.fillKey,
        ),
      );
      let filled = 0;
      let net = new Decimal(0);
      for (const leg of legs) {
        const remaining = leg.qty - leg.filledQty;
        if (remaining <= 0 || leg.cannotClose) continue;
        const fillKey = `${ticketId}:${leg.id}:${minuteTs.getTime()}`;
        if (doneThisMinute.has(fillKey)) continue;
        const quote = deps.broker.quoteSell(leg.symbol);
        if (!quote.tradable) continue;
        const cap = await minuteCap(tx, leg.symbol, minuteTs, deps.planner.maxShareOfMinuteVolume, deps.volumes);
        const want = roundToLots(
          Math.min(remaining, cap, quote.depth),
          remaining,
          lots.get(leg.symbol) ?? deps.planner.defaultLotSize,
        );
        if (want <= 0) continue;
        const exec = deps.broker.sell(leg.symbol, want);
        if (exec.qty <= 0) continue;
        const gross = toMoney(exec.qty * exec.avgPrice);
        const fees = computeSellFees(gross.toNumber(), deps.planner.fees);
        // Same measure as the plan's expected slippage (R5): from the mark the plan used.
        const slippageBps = leg.markPrice > 0 ? ((leg.markPrice - exec.avgPrice) / leg.markPrice) * 10_000 : 0;
        const fillId = crypto.randomUUID();
        const ref = { refType: "LiquidationFill", refId: fillId };
        const entryId = await postEntryTx(tx, tradeEntry(t.accountId, gross), {
          ...ref,
          idempotencyKey: `liq:${fillKey}:trade`,
          memo: `sell ${exec.qty} ${leg.symbol}`,
        });
        if (fees.total > 0)
          await postEntryTx(tx, feeEntry(t.accountId, new Decimal(fees.total)), {
            ...ref,
            idempotencyKey: `liq:${fillKey}:fee`,
          });
        await tx.liquidationFill.create({
          data: {
            id: fillId,
            ticketId,
            legId: leg.id,
            symbol: leg.symbol,
            qty: exec.qty,
            price: exec.avgPrice,
            grossProceeds: gross.toFixed(2),
            fees: fees.total.toFixed(2),
            slippageBps,
            fillKey,
            minuteTs,
            ts: new Date(deps.nowMs),
            journalEntryId: entryId,
          },
          select: { id: true },
        });
        await tx.liquidationLeg.update({ where: { id: leg.id }, data: { filledQty: { increment: exec.qty } } });
        const pos = await tx.position.update({
          where: { accountId_symbolCode: { accountId: t.accountId, symbolCode: leg.symbol } },
          data: { qty: { decrement: exec.qty } },
          select: { id: true, qty: true },
        });
        if (pos.qty < 0) throw new Error(`liquidation would sell more ${leg.symbol} than account ${t.accountId} holds`);
        if (pos.qty === 0) await tx.position.delete({ where: { id: pos.id } });
        leg.filledQty += exec.qty;
        filled += exec.qty;
        net = net.plus(gross).minus(fees.total);
        deps.afterFill?.(fillKey);
      }
      // Proceeds repay debt first (R5/R7); whatever is left stays as client cash.
      if (net.gt(0)) {
        const acct = await tx.account.findUniqueOrThrow({
          where: { id: t.accountId },
          select: { cash: true, debt: true },
        });
        const repay = Decimal.min(
          net,
          new Decimal(acct.debt.toString()),
          new Decimal(acct.cash.toString()),
        ).toDecimalPlaces(2, Decimal.ROUND_DOWN);
        if (repay.gt(0)) {
          await postEntryTx(tx, debtRepaymentEntry(t.accountId, repay), {
            refType: "LiquidationTicket",
            refId: ticketId,
            idempotencyKey: `liq:${ticketId}:${minuteTs.getTime()}:repay`,
          });
        }
      }
      const done = legs.every((l) => l.cannotClose !== null || l.filledQty >= l.qty);
      const events: TicketBusEvent[] = [];
      if (filled > 0 || done) {
        const realized = await realizedSlippage(tx, ticketId);
        const data = { realizedSlippageBps: realized, ...(done ? { executedAt: new Date(deps.nowMs) } : {}) };
        const audit = {
          filled,
          minuteTs: minuteTs.toISOString(),
          progress: legs.map((l) => ({ symbol: l.symbol, filled: l.filledQty, of: l.qty })),
        };
        events.push(await transitionTicketTx(tx, t, done ? "COMPLETE" : "FILL_PARTIAL", { actor: null, data, audit }));
        if (done && deps.absorbLossTx) await deps.absorbLossTx(tx, t.accountId, ticketId);
      }
      return { ticketId, filled, events, done };
    },
    { timeout: 30_000 },
  );
}

/** Quantity-weighted slippage of the ticket's fills against each leg's expected price (bps, 1 dp). */
async function realizedSlippage(tx: Tx, ticketId: string): Promise<number | null> {
  const fills = await tx.liquidationFill.findMany({ where: { ticketId }, select: { qty: true, slippageBps: true } });
  const q = fills.reduce((a, f) => a + f.qty, 0);
  if (q === 0) return null;
  return Math.round((fills.reduce((a, f) => a + f.qty * f.slippageBps, 0) / q) * 10) / 10;
}
