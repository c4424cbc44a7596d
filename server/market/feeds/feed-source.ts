// M1: where the engine's trade prints come from. A FeedSource is polled by the feed supervisor at
// every engine step with the engine clock's time; it returns what arrived since the last poll.
// Sources never fabricate prints: a quiet or broken source returns no ticks, and the supervisor
// decides (staleness, divergence, failover) what the bar builder sees.
import type { Book, Tick } from "../types";

export type FeedKind = "simulator" | "replay" | "websocket";

export interface FeedBatch {
  ticks: Tick[];
  /** Anything (a print or a heartbeat) arrived since the last poll: the source is alive. */
  alive: boolean;
}

export interface FeedSource {
  readonly id: string;
  readonly kind: FeedKind;
  /** What arrived in (previous poll, now]; now is the engine clock (epoch ms). May throw: the supervisor copes. */
  poll(now: number): FeedBatch;
  /** For the health panel: a connection-level problem, if any. */
  problem(): string | null;
  close?(): void;
}

/** A 5-level book around a price, for sources whose vendor sends no book (replay). */
export function syntheticBook(price: number, lotSize: number, levels = 5): Book {
  const tick = 0.01;
  const bids = [];
  const asks = [];
  for (let i = 0; i < levels; i++) {
    bids.push({ price: Math.round((price - tick * (i + 1)) * 100) / 100, qty: lotSize * 10 * (i + 1) });
    asks.push({ price: Math.round((price + tick * (i + 1)) * 100) / 100, qty: lotSize * 10 * (i + 1) });
  }
  return { bids, asks };
}
