// M1: the WebSocket JSON client against a local ws server on 127.0.0.1: prints, heartbeats,
// rejected frames, and reconnecting after the server drops the connection.
import { afterEach, describe, expect, it } from "vitest";
import { WebSocketServer, type WebSocket } from "ws";
import { WebSocketFeedSource } from "./websocket-source";

let server: WebSocketServer | null = null;
let client: WebSocketFeedSource | null = null;
afterEach(async () => {
  client?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function startServer(): Promise<{ port: number; next: () => Promise<WebSocket> }> {
  const s = new WebSocketServer({ host: "127.0.0.1", port: 0 });
  server = s;
  await new Promise<void>((resolve) => s.once("listening", () => resolve()));
  const address = s.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, next: () => new Promise((resolve) => s.once("connection", (ws) => resolve(ws))) };
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(check()).toBe(true);
}

describe("WebSocket JSON feed client", () => {
  it("receives ticks, batches and heartbeats and drops malformed frames", async () => {
    const { port, next } = await startServer();
    const conn = next();
    client = new WebSocketFeedSource("ws", `ws://127.0.0.1:${port}`).start();
    const ws = await conn;
    await until(() => client?.isOpen() ?? false);
    ws.send(
      JSON.stringify({
        type: "tick",
        symbol: "600519.SH",
        ts: 1,
        price: 1700.5,
        qty: 300,
        bids: [[1700.4, 500]],
        asks: [[1700.6, 400]],
      }),
    );
    ws.send(JSON.stringify({ type: "ticks", ticks: [{ symbol: "000001.SZ", ts: 2, price: 11.2, qty: 100 }] }));
    ws.send("not json");
    ws.send(JSON.stringify({ type: "tick", symbol: "AAPL", ts: 1, price: 1, qty: 1 }));
    await until(() => (client?.rejected ?? 0) === 2);
    const batch = client.poll(5000);
    expect(batch.alive).toBe(true);
    expect(batch.ticks.map((t) => [t.symbol, t.price, t.ts])).toEqual([
      ["600519.SH", 1700.5, 5000],
      ["000001.SZ", 11.2, 5000],
    ]);
    expect(batch.ticks[0]?.book).toEqual({ bids: [{ price: 1700.4, qty: 500 }], asks: [{ price: 1700.6, qty: 400 }] });
    expect(client.poll(6000)).toEqual({ ticks: [], alive: false });
    ws.send(JSON.stringify({ type: "heartbeat", ts: 3 }));
    let alive = false;
    await until(() => (alive ||= client?.poll(7000).alive === true));
  });

  it("reconnects after the server drops the connection", async () => {
    const { port, next } = await startServer();
    const first = next();
    client = new WebSocketFeedSource("ws", `ws://127.0.0.1:${port}`).start();
    (await first).terminate();
    await until(() => client?.problem() !== null);
    const again = await next();
    await until(() => client?.isOpen() ?? false);
    again.send(JSON.stringify({ type: "tick", symbol: "600519.SH", ts: 1, price: 10, qty: 100 }));
    let received = 0;
    await until(() => (received += client?.poll(1).ticks.length ?? 0) === 1);
  });
});
