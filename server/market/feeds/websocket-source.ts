// M1: a live vendor feed over WebSocket (JSON text frames). Message format (one JSON object per frame):
//   {"type":"tick","symbol":"600519.SH","ts":1764000000000,"price":1700.5,"qty":300,
//    "bids":[[1700.4,500],...up to 5],"asks":[[1700.6,400],...up to 5]}
//   {"type":"ticks","ticks":[{ same fields as "tick", without "type" }, ...]}
//   {"type":"heartbeat","ts":1764000000000}           (keeps a quiet feed from looking stale)
// symbol: A-share code (6 digits + .SH/.SZ); ts: vendor time, epoch ms (kept for evidence only:
// prints are stamped with the engine clock when polled, so bars follow the engine's minutes);
// price > 0 in CNY; qty > 0 in shares; bids/asks best first as [price, qty]. Anything else is
// counted as rejected and dropped. The client reconnects with a capped backoff.
import WebSocket from "ws";
import { z } from "zod";
import type { Tick } from "../types";
import type { FeedBatch, FeedSource } from "./feed-source";

const level = z.tuple([z.number().positive(), z.number().nonnegative()]);
const tickShape = z.object({
  symbol: z.string().regex(/^\d{6}\.(SH|SZ)$/),
  ts: z.number().int().positive(),
  price: z.number().positive(),
  qty: z.number().positive(),
  bids: z.array(level).max(10).default([]),
  asks: z.array(level).max(10).default([]),
});
const message = z.discriminatedUnion("type", [
  tickShape.extend({ type: z.literal("tick") }),
  z.object({ type: z.literal("ticks"), ticks: z.array(tickShape).max(100_000) }),
  z.object({ type: z.literal("heartbeat"), ts: z.number().optional() }),
]);
export type FeedMessage = z.input<typeof message>;

const MAX_BUFFER = 200_000;

export class WebSocketFeedSource implements FeedSource {
  readonly kind = "websocket" as const;
  private ws: WebSocket | null = null;
  private buffer: Array<z.infer<typeof tickShape>> = [];
  private heard = false;
  private closed = false;
  private backoffMs = 500;
  private timer: NodeJS.Timeout | undefined;
  private lastError: string | null = null;
  rejected = 0;

  constructor(
    readonly id: string,
    readonly url: string,
  ) {}

  start(): this {
    this.connect();
    return this;
  }

  isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  private connect(): void {
    if (this.closed) return;
    const ws = new WebSocket(this.url);
    this.ws = ws;
    ws.on("open", () => {
      this.backoffMs = 500;
      this.lastError = null;
    });
    ws.on("message", (data) => this.receive(String(data)));
    ws.on("error", (err) => {
      this.lastError = err.message;
    });
    ws.on("close", () => {
      if (this.closed) return;
      this.lastError ??= "disconnected";
      this.timer = setTimeout(() => this.connect(), this.backoffMs);
      this.backoffMs = Math.min(this.backoffMs * 2, 10_000);
    });
  }

  /** Parses one frame (public for tests). */
  receive(text: string): void {
    let parsed: z.infer<typeof message>;
    try {
      parsed = message.parse(JSON.parse(text));
    } catch {
      this.rejected++;
      return;
    }
    this.heard = true;
    if (parsed.type === "heartbeat") return;
    const ticks = parsed.type === "tick" ? [parsed] : parsed.ticks;
    for (const t of ticks) this.buffer.push(t);
    if (this.buffer.length > MAX_BUFFER) this.buffer.splice(0, this.buffer.length - MAX_BUFFER);
  }

  poll(now: number): FeedBatch {
    const raw = this.buffer;
    this.buffer = [];
    const alive = this.heard;
    this.heard = false;
    const ticks: Tick[] = raw.map((t) => ({
      symbol: t.symbol,
      ts: now,
      price: t.price,
      qty: t.qty,
      book: {
        bids: t.bids.map(([price, qty]) => ({ price, qty })),
        asks: t.asks.map(([price, qty]) => ({ price, qty })),
      },
    }));
    return { ticks, alive };
  }

  problem(): string | null {
    return this.isOpen() ? null : (this.lastError ?? "connecting");
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.ws?.close();
  }
}
