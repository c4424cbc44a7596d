// R7 one minute's execution slice of many tickets, in ONE database transaction: every open leg sells
// what the minute allows (a share of the symbol's last minute volume, less what any ticket already
// sold of it this minute; nothing while suspended or limit-down), and the money moves through
// server/ledger (trade proceeds, fees, then debt repayment from the net proceeds) together with the
// positions, the legs' progress and the tickets' states. Set-based: a fixed number of statements per
// slice however many tickets it holds (one per table), so a minute's 1,000 executions fit in the minute.
//
// Locks in the money path's order: the client accounts (id order), then the ticket rows (id order),
// then the symbols' volume-cap locks (code order), the audit chain last. Idempotent: a ticket is sold
// only while EXECUTING or PARTIALLY_FILLED, read under its row lock; a fill's key is (ticket, leg,
// minute), unique in the database, so a slice replayed after a crash, by a second desk, or twice in a
// minute adds nothing; a crash before commit rolls the whole slice back (no fill without its money,
// no money without its fill).
import crypto from "node:crypto";
import Decimal from "decimal.js";
import type { PrismaClient } from "../../db/generated/client";
import { debtRepaymentEntry, feeEntry, toMoney, tradeEntry } from "../../ledger/ledger-math";
import { lockAccountsTx, postEntriesTx, type EntryToPost, type Tx } from "../../ledger/ledger-service";
import { computeSellFees } from "../planner/fees";
import type { PlannerParams } from "../planner/types";
import { insertRowsAsJson } from "../tickets/bulk-insert";
import { isTicketState, type TicketState } from "../tickets/ticket-states";
import { recordTransitionsTx, type AppliedTransition, type TicketBusEvent } from "../tickets/ticket-transition";
import type { BrokerAdapter } from "./broker-adapter";

export interface SliceDeps {
  broker: BrokerAdapter;
  planner: PlannerParams;
  nowMs: number; // engine clock
  /**
   * Test seam: runs for each fill after the slice's rows are written, inside the transaction, before
   * the tickets move (a throw simulates a crash between fills: the whole slice rolls back).
   */
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
/** Namespace of the per-symbol advisory locks that serialize the minute's volume cap across desks. */
const CAP_LOCK_NAMESPACE = 72707371;
const EXECUTING: readonly TicketState[] = ["EXECUTING", "PARTIALLY_FILLED"];

/** Whole lots, except the leg's odd remainder which may go as one order (A-share odd-lot sells). */
function roundToLots(qty: number, remaining: number, lot: number): number {
  if (qty >= remaining) return remaining;
  return Math.floor(qty / lot) * lot;
}

/** One ticket's slice (the RISK "execute now" path and tests); the same code as a batch of one. */
export async function executeSlice(prisma: PrismaClient, ticketId: string, deps: SliceDeps): Promise<SliceResult> {
  const [r] = await executeSlices(prisma, [ticketId], deps);
  return r ?? { ticketId, filled: 0, events: [], done: false };
}

/**
 * Runs the minute's slice of `ticketIds` (in the given order: it decides who gets the minute's volume
 * first) in one transaction. Tickets no longer executing are skipped (done: true when EXECUTED).
 */
export async function executeSlices(
  prisma: PrismaClient,
  ticketIds: readonly string[],
  deps: SliceDeps,
): Promise<SliceResult[]> {
  const ids = [...new Set(ticketIds)];
  if (ids.length === 0) return [];
  return prisma.$transaction((tx) => sliceTx(tx, ids, deps), { timeout: 60_000 });
}

type FillRow = {
  id: string;
  ticketId: string;
  legId: string;
  symbol: string;
  qty: number;
  price: number;
  grossProceeds: string;
  fees: string;
  slippageBps: number;
  fillKey: string;
  minuteTs: string;
  ts: string;
  journalEntryId: string;
};

async function sliceTx(tx: Tx, ids: string[], deps: SliceDeps): Promise<SliceResult[]> {
  const minuteTs = new Date(Math.floor(deps.nowMs / MINUTE) * MINUTE);
  const minuteIso = minuteTs.toISOString();
  // A ticket's account never changes, so the accounts can be locked before the ticket rows.
  const owners = await tx.liquidationTicket.findMany({ where: { id: { in: ids } }, select: { accountId: true } });
  await lockAccountsTx(
    tx,
    owners.map((o) => o.accountId),
  );
  await tx.$queryRaw`SELECT id FROM "LiquidationTicket" WHERE id = ANY(${ids}) ORDER BY id FOR UPDATE`;
  const rows = await tx.liquidationTicket.findMany({ where: { id: { in: ids } } });
  const byId = new Map(rows.map((t) => [t.id, t]));
  const tickets = ids.flatMap((id) => {
    const t = byId.get(id);
    return t && isTicketState(t.status) && EXECUTING.includes(t.status) ? [{ ...t, state: t.status }] : [];
  });
  const skipped = ids
    .filter((id) => !tickets.some((t) => t.id === id))
    .map((id): SliceResult => ({ ticketId: id, filled: 0, events: [], done: byId.get(id)?.status === "EXECUTED" }));
  if (tickets.length === 0) return skipped;
  const live = tickets.map((t) => t.id);

  const legs = await tx.liquidationLeg.findMany({
    where: { ticketId: { in: live } },
    orderBy: [{ ticketId: "asc" }, { seq: "asc" }],
  });
  const legsOf = new Map<string, typeof legs>();
  for (const l of legs) legsOf.set(l.ticketId, [...(legsOf.get(l.ticketId) ?? []), l]);
  const symbols = [...new Set(legs.map((l) => l.symbol))].sort();
  const lots = new Map(
    (await tx.symbol.findMany({ where: { code: { in: symbols } }, select: { code: true, lotSize: true } })).map((s) => [
      s.code,
      s.lotSize,
    ]),
  );
  const doneThisMinute = new Set(
    (await tx.liquidationFill.findMany({ where: { ticketId: { in: live }, minuteTs }, select: { fillKey: true } })).map(
      (f) => f.fillKey,
    ),
  );

  // The minute's cap per symbol: what other slices (this or another process) sold of it this minute
  // is read under the symbol's lock, so two desks never both spend the same volume.
  if (symbols.length > 0)
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CAP_LOCK_NAMESPACE}::int, hashtext(s)) FROM unnest(${symbols}::text[]) AS s ORDER BY s`;
  const missing = symbols.filter((s) => deps.volumes?.get(s) === undefined);
  const volume = new Map(symbols.flatMap((s) => (deps.volumes?.has(s) ? [[s, deps.volumes.get(s) ?? 0]] : [])));
  if (missing.length > 0) {
    const bars = await tx.$queryRaw<Array<{ symbolCode: string; volume: number }>>`
      SELECT DISTINCT ON ("symbolCode") "symbolCode", volume::float8 AS volume FROM "Bar1m"
      WHERE "symbolCode" = ANY(${missing}) AND ts < ${minuteTs} ORDER BY "symbolCode", ts DESC`;
    const got = new Map(bars.map((b) => [b.symbolCode, Number(b.volume)]));
    for (const s of missing) {
      volume.set(s, got.get(s) ?? 0);
      deps.volumes?.set(s, got.get(s) ?? 0);
    }
  }
  const used = await tx.liquidationFill.groupBy({
    by: ["symbol"],
    where: { symbol: { in: symbols }, minuteTs },
    _sum: { qty: true },
  });
  const capLeft = new Map(
    symbols.map((s) => [
      s,
      Math.max(
        0,
        Math.floor((volume.get(s) ?? 0) * deps.planner.maxShareOfMinuteVolume) -
          (used.find((u) => u.symbol === s)?._sum.qty ?? 0),
      ),
    ]),
  );
  const accounts = new Map(
    (
      await tx.account.findMany({
        where: { id: { in: [...new Set(tickets.map((t) => t.accountId))] } },
        select: { id: true, cash: true, debt: true },
      })
    ).map((a) => [a.id, { cash: new Decimal(a.cash.toString()), debt: new Decimal(a.debt.toString()) }]),
  );

  // Decide every fill in memory, in the tickets' order; the writes follow as one statement per table.
  const fills: FillRow[] = [];
  const entries: EntryToPost[] = [];
  const legMoves = new Map<string, number>();
  const posMoves = new Map<string, { accountId: string; symbol: string; qty: number }>();
  const filledBy = new Map<string, number>();
  const ts = new Date(deps.nowMs).toISOString();
  for (const t of tickets) {
    let net = new Decimal(0);
    for (const leg of legsOf.get(t.id) ?? []) {
      const remaining = leg.qty - leg.filledQty;
      if (remaining <= 0 || leg.cannotClose) continue;
      const fillKey = `${t.id}:${leg.id}:${minuteTs.getTime()}`;
      if (doneThisMinute.has(fillKey)) continue;
      const quote = deps.broker.quoteSell(leg.symbol);
      if (!quote.tradable) continue;
      const want = roundToLots(
        Math.min(remaining, capLeft.get(leg.symbol) ?? 0, quote.depth),
        remaining,
        lots.get(leg.symbol) ?? deps.planner.defaultLotSize,
      );
      if (want <= 0) continue;
      const exec = deps.broker.sell(leg.symbol, want);
      if (exec.qty <= 0) continue;
      capLeft.set(leg.symbol, Math.max(0, (capLeft.get(leg.symbol) ?? 0) - exec.qty));
      const gross = toMoney(exec.qty * exec.avgPrice);
      const fees = computeSellFees(gross.toNumber(), deps.planner.fees);
      const fillId = crypto.randomUUID();
      const entryId = crypto.randomUUID();
      const ref = { refType: "LiquidationFill", refId: fillId };
      entries.push({
        id: entryId,
        draft: tradeEntry(t.accountId, gross),
        ref: { ...ref, idempotencyKey: `liq:${fillKey}:trade`, memo: `sell ${exec.qty} ${leg.symbol}` },
      });
      if (fees.total > 0)
        entries.push({
          draft: feeEntry(t.accountId, new Decimal(fees.total)),
          ref: { ...ref, idempotencyKey: `liq:${fillKey}:fee` },
        });
      fills.push({
        id: fillId,
        ticketId: t.id,
        legId: leg.id,
        symbol: leg.symbol,
        qty: exec.qty,
        price: exec.avgPrice,
        grossProceeds: gross.toFixed(2),
        fees: fees.total.toFixed(2),
        // Same measure as the plan's expected slippage (R5): from the mark the plan used.
        slippageBps: leg.markPrice > 0 ? ((leg.markPrice - exec.avgPrice) / leg.markPrice) * 10_000 : 0,
        fillKey,
        minuteTs: minuteIso,
        ts,
        journalEntryId: entryId,
      });
      legMoves.set(leg.id, exec.qty);
      const pk = `${t.accountId}\u0000${leg.symbol}`;
      const pm = posMoves.get(pk) ?? { accountId: t.accountId, symbol: leg.symbol, qty: 0 };
      posMoves.set(pk, { ...pm, qty: pm.qty + exec.qty });
      leg.filledQty += exec.qty;
      filledBy.set(t.id, (filledBy.get(t.id) ?? 0) + exec.qty);
      net = net.plus(gross).minus(fees.total);
    }
    // Proceeds repay debt first (R5/R7); whatever is left stays as client cash.
    const acct = accounts.get(t.accountId);
    if (net.gt(0) && acct) {
      acct.cash = acct.cash.plus(net);
      const repay = Decimal.min(net, acct.debt, acct.cash).toDecimalPlaces(2, Decimal.ROUND_DOWN);
      if (repay.gt(0)) {
        entries.push({
          draft: debtRepaymentEntry(t.accountId, repay),
          ref: {
            refType: "LiquidationTicket",
            refId: t.id,
            idempotencyKey: `liq:${t.id}:${minuteTs.getTime()}:repay`,
          },
        });
        acct.cash = acct.cash.minus(repay);
        acct.debt = acct.debt.minus(repay);
      }
    }
  }

  await postEntriesTx(tx, entries);
  await insertRowsAsJson(
    tx,
    "LiquidationFill",
    [
      "id",
      "ticketId",
      "legId",
      "symbol",
      "qty",
      "price",
      "grossProceeds",
      "fees",
      "slippageBps",
      "fillKey",
      "minuteTs",
      "ts",
      "journalEntryId",
    ],
    fills,
  );
  if (legMoves.size > 0)
    await tx.$executeRawUnsafe(
      `UPDATE "LiquidationLeg" l SET "filledQty" = l."filledQty" + d.qty
       FROM json_to_recordset($1::json) AS d(id text, qty int) WHERE l.id = d.id`,
      JSON.stringify([...legMoves].map(([id, qty]) => ({ id, qty }))),
    );
  if (posMoves.size > 0) {
    const moved = await tx.$queryRawUnsafe<Array<{ id: string; accountId: string; symbolCode: string; qty: number }>>(
      `UPDATE "Position" p SET qty = p.qty - d.qty
       FROM json_to_recordset($1::json) AS d("accountId" text, symbol text, qty int)
       WHERE p."accountId" = d."accountId" AND p."symbolCode" = d.symbol
       RETURNING p.id, p."accountId", p."symbolCode", p.qty`,
      JSON.stringify([...posMoves.values()]),
    );
    const short = moved.find((p) => p.qty < 0);
    if (moved.length !== posMoves.size || short)
      throw new Error(
        `liquidation would sell more ${short?.symbolCode ?? "shares"} than account ${short?.accountId ?? "?"} holds`,
      );
    const emptied = moved.filter((p) => p.qty === 0).map((p) => p.id);
    if (emptied.length > 0) await tx.position.deleteMany({ where: { id: { in: emptied } } });
  }
  for (const f of fills) deps.afterFill?.(f.fillKey);

  // Tickets that sold something or have nothing left to sell move on (FILL_PARTIAL / COMPLETE).
  const realized = await realizedSlippage(tx, live);
  const nowIso = new Date(deps.nowMs).toISOString();
  const moves: AppliedTransition[] = [];
  const updates: Array<Record<string, unknown>> = [];
  const doneSet = new Set<string>();
  for (const t of tickets) {
    const tlegs = legsOf.get(t.id) ?? [];
    const done = tlegs.every((l) => l.cannotClose !== null || l.filledQty >= l.qty);
    const filled = filledBy.get(t.id) ?? 0;
    if (filled === 0 && !done) continue;
    if (done) doneSet.add(t.id);
    const to: TicketState = done ? "EXECUTED" : "PARTIALLY_FILLED";
    moves.push({
      ticket: t,
      event: done ? "COMPLETE" : "FILL_PARTIAL",
      from: t.state,
      to,
      audit: {
        filled,
        minuteTs: minuteIso,
        progress: tlegs.map((l) => ({ symbol: l.symbol, filled: l.filledQty, of: l.qty })),
      },
    });
    updates.push({
      id: t.id,
      from: t.state,
      version: t.version,
      status: to,
      realized: realized.get(t.id) ?? null,
      executedAt: done ? nowIso : null,
    });
  }
  if (updates.length > 0) {
    const n = await tx.$executeRawUnsafe(
      `UPDATE "LiquidationTicket" t SET status = d.status, version = t.version + 1,
         "realizedSlippageBps" = d.realized, "executedAt" = COALESCE(d."executedAt", t."executedAt"), "updatedAt" = now()
       FROM json_to_recordset($1::json) AS d(id text, "from" text, version int, status text, realized float8, "executedAt" timestamptz)
       WHERE t.id = d.id AND t.status = d."from" AND t.version = d.version`,
      JSON.stringify(updates),
    );
    // Impossible under the row locks; if it ever happens, nothing of this slice may commit.
    if (n !== updates.length) throw new Error(`liquidation slice: ${updates.length - n} ticket(s) moved underneath`);
  }
  const events = await recordTransitionsTx(tx, moves, deps.nowMs);
  if (deps.absorbLossTx) for (const id of doneSet) await deps.absorbLossTx(tx, byId.get(id)?.accountId ?? "", id);

  const eventsOf = new Map(events.map((e) => [e.ticketId, e]));
  return [
    ...tickets.map((t): SliceResult => {
      const e = eventsOf.get(t.id);
      return { ticketId: t.id, filled: filledBy.get(t.id) ?? 0, events: e ? [e] : [], done: doneSet.has(t.id) };
    }),
    ...skipped,
  ];
}

/** Quantity-weighted slippage of each ticket's fills against each leg's expected price (bps, 1 dp). */
async function realizedSlippage(tx: Tx, ticketIds: string[]): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<Array<{ ticketId: string; q: number; s: number }>>`
    SELECT "ticketId", SUM(qty)::float8 AS q, SUM(qty * "slippageBps")::float8 AS s
    FROM "LiquidationFill" WHERE "ticketId" = ANY(${ticketIds}) GROUP BY "ticketId"`;
  return new Map(
    rows.filter((r) => Number(r.q) > 0).map((r) => [r.ticketId, Math.round((Number(r.s) / Number(r.q)) * 10) / 10]),
  );
}
