// S1 simulated order flow per account, one minute at a time, seeded: ordinary clients at retail
// rates (a few percent of accounts place an order in a given minute; most orders trade, some are
// cancelled) and the planted bad actors the demo and the tests look for:
//   wash pair (linked by a device) trading with each other; a spoofer/layerer; a high-frequency
//   account over the exchange thresholds; a price pusher; related parties trading together.
// (The ring funded from one card is planted in the payments data by the demo seed.)
// Restricted accounts place no buys and frozen accounts no orders at all: the actions take effect
// in the flow the minute after they are taken.
import type { OrderEvent } from "../rules/types";

export interface FlowCast {
  normal: string[];
  washPair: [string, string];
  spoofer: string;
  highFrequency: string;
  pusher: string;
  related: [string, string];
}

export interface FlowSymbol {
  symbol: string;
  price: number;
}

export interface FlowControls {
  restrictedBuys: ReadonlySet<string>;
  frozen: ReadonlySet<string>;
}

export const FLOW_RATES = {
  /** chance an ordinary account places an order in a minute (~7 orders a day over 240 minutes) */
  orderPerMinute: 0.03,
  /** one ordinary client in 20 is an active day trader: ~70 orders a day, half of them cancelled */
  activeTraderPerMinute: 0.3,
  activeCancelShare: 0.5,
  tradeShare: 0.6,
  cancelShare: 0.3,
  highFrequencyPerMinute: 120,
  burstEveryMinutes: 10,
  burstSize: 320,
};

const round2 = (x: number) => Math.round(x * 100) / 100;

export function generateMinute(
  minuteTs: number,
  cast: FlowCast,
  symbols: readonly FlowSymbol[],
  rand: () => number,
  controls: FlowControls = { restrictedBuys: new Set(), frozen: new Set() },
): OrderEvent[] {
  if (symbols.length === 0) return [];
  const out: OrderEvent[] = [];
  const m = Math.floor(minuteTs / 60_000);
  let n = 0;
  const oid = (a: string) => `${a}-${m}-${(n += 1)}`;
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)] as T;
  const active = (a: string) => !controls.frozen.has(a);
  const mayBuy = (a: string) => active(a) && !controls.restrictedBuys.has(a);
  const at = (sec: number) => minuteTs + Math.floor(sec * 1000);
  const order = (
    ts: number,
    account: string,
    s: FlowSymbol,
    side: OrderEvent["side"],
    qty: number,
    price = s.price,
  ) => {
    const e: OrderEvent = { ts, account, symbol: s.symbol, type: "NEW", side, orderId: oid(account), price, qty };
    out.push(e);
    return e;
  };
  const trade = (ts: number, buyer: string, seller: string, s: FlowSymbol, qty: number, price: number) => {
    const tradeId = `T-${m}-${(n += 1)}`;
    out.push(
      {
        ts,
        account: buyer,
        symbol: s.symbol,
        type: "TRADE",
        side: "BUY",
        orderId: oid(buyer),
        price,
        qty,
        counterparty: seller,
        tradeId,
      },
      {
        ts,
        account: seller,
        symbol: s.symbol,
        type: "TRADE",
        side: "SELL",
        orderId: oid(seller),
        price,
        qty,
        counterparty: buyer,
        tradeId,
      },
    );
  };

  // Ordinary clients.
  cast.normal.forEach((a, i) => {
    const busy = i % 20 === 0;
    if (!active(a) || rand() >= (busy ? FLOW_RATES.activeTraderPerMinute : FLOW_RATES.orderPerMinute)) return;
    const s = pick(symbols);
    const side: OrderEvent["side"] = rand() < 0.5 && mayBuy(a) ? "BUY" : "SELL";
    const qty = 100 * (1 + Math.floor(rand() * 20));
    const t = rand() * 50;
    const price = round2(s.price * (1 + (rand() - 0.5) * 0.002));
    const o = order(at(t), a, s, side, qty, price);
    const r = rand();
    const cancelShare = busy ? FLOW_RATES.activeCancelShare : FLOW_RATES.cancelShare;
    if (r >= cancelShare && r < cancelShare + FLOW_RATES.tradeShare * (1 - cancelShare)) {
      const other = pick(cast.normal);
      if (other !== a && active(other)) {
        if (side === "BUY") trade(at(t + 1 + rand() * 8), a, other, s, qty, price);
        else if (mayBuy(other)) trade(at(t + 1 + rand() * 8), other, a, s, qty, price);
      }
    } else if (r < cancelShare) {
      out.push({ ...o, ts: at(t + 2 + rand() * 8), type: "CANCEL" });
    }
  });

  const [w1, w2] = cast.washPair;
  if (m % 5 === 0 && mayBuy(w1) && active(w2)) {
    const s = symbols[1 % symbols.length] as FlowSymbol;
    trade(at(20), w1, w2, s, 5000 + 100 * Math.floor(rand() * 50), s.price);
  }

  if (m % 7 === 0 && active(cast.spoofer)) {
    // Three large sell orders 1-2% above the touch, cancelled within 3 s, then a buy executes.
    const s = symbols[2 % symbols.length] as FlowSymbol;
    for (let i = 0; i < 3; i++) {
      const o = order(at(10 + i * 0.2), cast.spoofer, s, "SELL", 60_000, round2(s.price * (1.01 + i * 0.005)));
      out.push({ ...o, ts: at(12.5 + i * 0.2), type: "CANCEL" });
    }
    if (mayBuy(cast.spoofer)) trade(at(14), cast.spoofer, pick(cast.normal), s, 1000, s.price);
  }

  if (active(cast.highFrequency)) {
    const s = symbols[3 % symbols.length] as FlowSymbol;
    const hf = cast.highFrequency;
    const count = FLOW_RATES.highFrequencyPerMinute / 2;
    for (let i = 0; i < count; i++) {
      const o = order(at((i * 59) / count), hf, s, i % 2 ? "SELL" : "BUY", 100);
      out.push({ ...o, ts: o.ts + 200, type: "CANCEL" });
    }
    if (m % FLOW_RATES.burstEveryMinutes === 0) {
      // A program-trading burst: 320 orders and cancels inside 800 ms.
      for (let i = 0; i < FLOW_RATES.burstSize / 2; i++) {
        const o = order(at(30 + i * 0.0025), hf, s, "SELL", 100);
        out.push({ ...o, ts: o.ts + 400, type: "CANCEL" });
      }
    }
  }

  if (m % 4 === 0 && mayBuy(cast.pusher)) {
    // The pusher takes most of the minute's buying in one symbol and lifts it ~0.9% in steps.
    const s = symbols[4 % symbols.length] as FlowSymbol;
    for (let i = 0; i < 3; i++)
      trade(at(50 + i * 2), cast.pusher, pick(cast.normal), s, 3000, round2(s.price * (1 + 0.003 * (i + 1))));
  }

  const [r1, r2] = cast.related;
  if (m % 6 === 0 && mayBuy(r1) && active(r2)) {
    const s = symbols[5 % symbols.length] as FlowSymbol;
    trade(at(40), r1, r2, s, 2000, s.price);
  }
  return out.sort((a, b) => a.ts - b.ts);
}

/** The cast from the demo's accounts, sorted by code: the first ten play the bad actors. */
export function castFromAccounts(accountIds: readonly string[]): FlowCast & { ring: string[] } {
  if (accountIds.length < 20) throw new Error("the surveillance demo needs at least 20 accounts");
  const a = (i: number) => accountIds[i] as string;
  return {
    washPair: [a(0), a(1)],
    spoofer: a(2),
    highFrequency: a(3),
    pusher: a(4),
    related: [a(5), a(6)],
    ring: [a(7), a(8), a(9), a(10)],
    // The ring trades like anyone else; its tell is in the payments.
    normal: accountIds.slice(7),
  };
}
