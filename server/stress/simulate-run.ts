// T2 one stress path, pure: the scenario's steps applied to a copy of the book, bar close by bar
// close, through the SAME margin model (revalueBook, the engine's own revalue + classify), the SAME
// liquidation planner (planLiquidation, R5) and the execution rules of R7 (each minute at most
// maxShareOfMinuteVolume of a symbol's minute volume, shared by the tickets in the order they were
// opened; nothing while suspended or limit-down; fills priced by the planner's impact model; fees,
// then debt repayment from the net proceeds). An account has one ticket; each bar close re-plans it
// (R6: a status change changes the plan, never adds a ticket) and cancels it when the account is back
// above the liquidation line. The review window (45 s) fits inside the minute and is not modelled.
import { planLiquidation } from "../liquidation/planner/plan-liquidation";
import { computeSellFees } from "../liquidation/planner/fees";
import { computeImpactSlippage } from "../liquidation/planner/slippage";
import type { PlannerPosition } from "../liquidation/planner/types";
import { revalueBook, STATUS_CODE } from "../risk/engine/revalue-book";
import type { BookColumns } from "../risk/engine/book-columns";
import { computeRunKpis, type PathOutcome, type RunKpis, type RunSeries } from "./run-kpis";
import type { ResolvedStep, StressBook } from "./stress-book";

interface Leg {
  k: number; // position index
  s: number; // symbol index
  remaining: number;
}

interface Ticket {
  account: number;
  openedMinute: number;
  debtAtOpen: number;
  legs: Leg[];
  open: boolean;
}

const LIQ = STATUS_CODE.LIQUIDATION;

export interface SimulateOptions {
  /** Called after each step with the number of steps done. */
  onStep?: (done: number) => void;
}

export function simulateRun(
  sb: StressBook,
  steps: readonly ResolvedStep[],
  opts: SimulateOptions = {},
): {
  kpis: RunKpis;
  series: RunSeries;
} {
  const outcome = simulatePath(sb, steps, opts);
  return computeRunKpis(sb, outcome);
}

export function simulatePath(sb: StressBook, steps: readonly ResolvedStep[], opts: SimulateOptions = {}): PathOutcome {
  const src = sb.book;
  const nAcc = src.accountIds.length;
  const nSym = src.symbols.length;
  const pp = sb.planner;
  const book: BookColumns = { ...src, cash: src.cash.slice(), debt: src.debt.slice(), posQty: src.posQty.slice() };
  const prices = sb.prices.slice();
  const worst = new Uint8Array(nAcc);
  const tickets: Ticket[] = [];
  const ticketOf = new Int32Array(nAcc).fill(-1);
  const fillSlip: number[] = [];
  const fillGross: number[] = [];
  const liqByMinute: number[] = [];
  const done: number[] = []; // minutes to liquidate of completed tickets
  let cancelled = 0;
  let plannerRefusals = 0;
  let minute = 0;
  let worstStep: { index: number; breaching: number; marginLevel: Float64Array } = {
    index: -1,
    breaching: -1,
    marginLevel: new Float64Array(0),
  };
  const sigmas = new Float64Array(nSym);
  const capLeft = new Float64Array(nSym);

  steps.forEach((step, stepIndex) => {
    for (let s = 0; s < nSym; s += 1) {
      prices[s] = (prices[s] ?? 0) * (1 + (step.returns[s] ?? 0));
      sigmas[s] = (sb.sigmas[s] ?? 0) * step.volMultiplier;
    }
    const figs = revalueBook(book, { prices, sigmas, multipliers: sb.multipliers }, sb.params);
    let breaching = 0;
    for (let a = 0; a < nAcc; a += 1) {
      const st = figs.status[a] ?? 0;
      if (st > (worst[a] ?? 0)) worst[a] = st;
      if (st >= LIQ) breaching += 1;
      const t = ticketOf[a] ?? -1;
      if (st >= LIQ) {
        const legs = planAccount(a, step);
        if (legs === null) continue;
        if (t >= 0 && tickets[t]?.open) (tickets[t] as Ticket).legs = legs;
        else {
          ticketOf[a] = tickets.length;
          tickets.push({ account: a, openedMinute: minute, debtAtOpen: book.debt[a] ?? 0, legs, open: true });
        }
      } else if (t >= 0 && tickets[t]?.open) {
        (tickets[t] as Ticket).open = false;
        cancelled += 1;
      }
    }
    if (breaching > worstStep.breaching) worstStep = { index: stepIndex, breaching, marginLevel: figs.marginLevel };
    executeMinutes(step);
    opts.onStep?.(stepIndex + 1);
  });

  const final = revalueBook(book, { prices, sigmas, multipliers: sb.multipliers }, sb.params);
  return {
    accounts: nAcc,
    steps: steps.length,
    minutes: minute,
    worst,
    tickets: tickets.map((t) => ({ account: t.account, debtAtOpen: t.debtAtOpen, open: t.open })),
    cancelled,
    plannerRefusals,
    minutesToLiquidate: done,
    fillSlippageBps: fillSlip,
    fillGross,
    liquidationByMinute: liqByMinute,
    final: { cash: book.cash, debt: book.debt, marketValue: final.marketValue, marginLevel: final.marginLevel },
    worstStep: {
      index: worstStep.index,
      label: steps[worstStep.index]?.label ?? "",
      marginLevel: worstStep.marginLevel,
    },
    stepLabels: steps.map((s) => s.label),
    indexReturns: steps.map((s) => s.indexReturn),
  };

  function planAccount(a: number, step: ResolvedStep): Leg[] | null {
    const positions: PlannerPosition[] = [];
    const ks: number[] = [];
    for (let k = book.posStart[a] ?? 0; k < (book.posStart[a + 1] ?? 0); k += 1) {
      const qty = book.posQty[k] ?? 0;
      if (qty <= 0) continue;
      const s = book.posSym[k] ?? 0;
      const m = sb.multipliers[s] ?? 1;
      positions.push({
        symbol: book.symbols[s] ?? "",
        qty,
        price: prices[s] ?? 0,
        assetClass: book.assetClass[s] ?? "",
        liquidityTier: book.liquidityTier[s] ?? "",
        sigma: sigmas[s] ?? 0,
        adv: book.adv[s] ?? 0,
        ...(m !== 1 ? { marginMultiplier: m } : {}),
        sellableQty: qty,
        hedged: 0,
        feeContribution: 0,
        lotSize: sb.lotSize[s] ?? pp.defaultLotSize,
        suspended: step.suspended[s] === 1,
        limitDown: step.limitDown[s] === 1,
      });
      ks.push(k);
    }
    try {
      const plan = planLiquidation({ cash: book.cash[a] ?? 0, debt: book.debt[a] ?? 0, positions }, sb.params, pp);
      const bySymbol = new Map(positions.map((p, i) => [p.symbol, ks[i] ?? 0]));
      return plan.legs.map((l) => {
        const k = bySymbol.get(l.symbol) ?? 0;
        return { k, s: book.posSym[k] ?? 0, remaining: l.qty };
      });
    } catch {
      plannerRefusals += 1;
      return null;
    }
  }

  function closeTicket(t: number, atMinute: number): void {
    const ticket = tickets[t];
    if (!ticket?.open) return;
    ticket.open = false;
    done.push(atMinute - ticket.openedMinute + 1);
  }

  function executeMinutes(step: ResolvedStep): void {
    for (let m = 0; m < step.minutes; m += 1) {
      let anyOpen = false; // a ticket still has something to sell
      for (let s = 0; s < nSym; s += 1) {
        const blocked = step.suspended[s] === 1 || step.limitDown[s] === 1;
        const p = prices[s] ?? 0;
        const minuteShares = p > 0 ? ((book.adv[s] ?? 0) / pp.impact.minutesPerDay / p) * step.volumeFactor : 0;
        capLeft[s] = blocked ? 0 : Math.floor(pp.maxShareOfMinuteVolume * minuteShares);
      }
      let gross = 0;
      for (let t = 0; t < tickets.length; t += 1) {
        const ticket = tickets[t];
        if (!ticket?.open || ticket.legs.length === 0) continue; // nothing sellable: waits for the next bar
        let left = 0;
        for (const leg of ticket.legs) {
          if (leg.remaining <= 0) continue;
          const cap = capLeft[leg.s] ?? 0;
          const lot = sb.lotSize[leg.s] ?? pp.defaultLotSize;
          let q = Math.min(leg.remaining, cap);
          if (q < leg.remaining) q = Math.floor(q / lot) * lot; // whole lots unless it finishes the leg
          if (q > 0) {
            const mark = prices[leg.s] ?? 0;
            const slip = computeImpactSlippage(q, mark, sigmas[leg.s] ?? 0, book.adv[leg.s] ?? 0, pp.impact);
            const g = q * mark * (1 - slip);
            const net = g - computeSellFees(g, pp.fees).total;
            const a = ticket.account;
            const debt = book.debt[a] ?? 0;
            const repay = Math.min(debt, Math.max(0, net));
            book.debt[a] = debt - repay;
            book.cash[a] = (book.cash[a] ?? 0) + net - repay;
            book.posQty[leg.k] = (book.posQty[leg.k] ?? 0) - q;
            capLeft[leg.s] = cap - q;
            leg.remaining -= q;
            fillSlip.push(slip * 10_000);
            fillGross.push(g);
            gross += g;
          }
          left += leg.remaining;
        }
        if (left <= 0) closeTicket(t, minute);
        else anyOpen = true;
      }
      if (gross > 0) liqByMinute[minute] = (liqByMinute[minute] ?? 0) + gross;
      minute += 1;
      if (!anyOpen) {
        minute += step.minutes - m - 1; // nothing to sell for the rest of the step
        break;
      }
    }
  }
}
