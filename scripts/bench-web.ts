// DESIGN 9 web targets, measured against a real `next start` on the embedded default (PGlite),
// real time clock, on this machine:
//  1. bar close -> bar received by 200 concurrent live clients (tRPC SSE subscription), p50/p95;
//  2. read procedures at 200 requests/s (open loop): p50/p99 of market.bars and accounts.list,
//     against GET /api/v1/health in the same run as the baseline (no session, no query).
// Needs a production build (`npm run build`). Usage: npm run bench:web [-- --clients 200 --minutes 2]
import fs from "node:fs";
import {
  fmtMs as fmt,
  pct,
  signIn as signInAt,
  startServer,
  stopServer,
  trpcUrl as trpcUrlAt,
  waitHealthy as waitHealthyAt,
} from "./bench-server";

const args = new Map(process.argv.slice(2).map((a, i, all) => [a, all[i + 1]] as const));
const CLIENTS = Number(args.get("--clients") ?? 200);
const MINUTES = Number(args.get("--minutes") ?? 2);
const RATE = Number(args.get("--rate") ?? 200);
const PORT = 3300;
const BASE = `http://127.0.0.1:${PORT}`;
const DATA_DIR = ".data-bench";
const trpcUrl = (path: string, input: unknown) => trpcUrlAt(BASE, path, input);
const waitHealthy = (timeoutMs: number) => waitHealthyAt(BASE, timeoutMs);
const signIn = (email: string, password: string) => signInAt(BASE, email, password);

/** One live client: reads the SSE stream and records close -> receipt for each closed bar. */
async function liveClient(cookie: string, symbol: string, samples: number[], signal: AbortSignal): Promise<void> {
  const res = await fetch(trpcUrl("market.onBar", { symbol }), {
    headers: { cookie, accept: "text/event-stream" },
    signal,
  });
  const reader = res.body?.getReader();
  if (!reader) return;
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += decoder.decode(value, { stream: true });
      let nl: number;
      while ((nl = buffer.indexOf("\n")) >= 0) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith("data:")) continue;
        const received = Date.now();
        try {
          const msg = JSON.parse(line.slice(5)) as { json?: { kind?: string; bar?: { ts: number } } };
          const ev = msg.json;
          // Real-time clock: the bar's minute ends at ts + 60 s of wall time.
          if (ev?.kind === "closed" && ev.bar) samples.push(received - (ev.bar.ts + 60_000));
        } catch {
          // pings and other frames
        }
      }
    }
  } catch {
    // aborted at the end of the run
  }
}

/** Open-loop load: RATE requests per second spread over the paths, for `seconds`. */
async function openLoop(targets: { name: string; url: string; cookie?: string }[], seconds: number) {
  const lat = new Map(targets.map((t) => [t.name, [] as number[]]));
  const errors = new Map(targets.map((t) => [t.name, 0]));
  const inflight: Promise<void>[] = [];
  const tickMs = 50;
  const perTick = (RATE * tickMs) / 1000;
  let sent = 0;
  const start = Date.now();
  await new Promise<void>((resolve) => {
    const timer = setInterval(() => {
      if (Date.now() - start >= seconds * 1000) {
        clearInterval(timer);
        resolve();
        return;
      }
      for (let i = 0; i < perTick; i++) {
        const t = targets[sent % targets.length];
        sent += 1;
        if (!t) continue;
        const t0 = performance.now();
        inflight.push(
          fetch(t.url, { headers: t.cookie ? { cookie: t.cookie } : {} })
            .then(async (r) => {
              await r.arrayBuffer();
              if (!r.ok) errors.set(t.name, (errors.get(t.name) ?? 0) + 1);
              lat.get(t.name)?.push(performance.now() - t0);
            })
            .catch(() => void errors.set(t.name, (errors.get(t.name) ?? 0) + 1)),
        );
      }
    }, tickMs);
  });
  await Promise.all(inflight);
  return { lat, errors, sent, seconds };
}

async function main() {
  const server = startServer({ port: PORT, dataDir: DATA_DIR, clockSpeed: 1 });
  try {
    const t0 = Date.now();
    await waitHealthy(180_000);
    console.log(
      `server up (first start, seeded) in ${Date.now() - t0} ms; ${CLIENTS} live clients, ${MINUTES} bar closes, ${RATE} req/s`,
    );
    const cookie = await signIn("risk@demo.local", "demo-password");
    const symbols = (await (await fetch(trpcUrl("market.symbols", undefined), { headers: { cookie } })).json()) as {
      result: { data: { json: { code: string; suspended: boolean }[] } };
    };
    const symbol = symbols.result.data.json.find((s) => !s.suspended)?.code ?? "";

    // 1. live clients over the next MINUTES bar closes
    const samples: number[] = [];
    const ac = new AbortController();
    const clients = Array.from({ length: CLIENTS }, () => liveClient(cookie, symbol, samples, ac.signal));
    const nextClose = Math.ceil(Date.now() / 60_000) * 60_000;
    await new Promise((r) => setTimeout(r, nextClose + (MINUTES - 1) * 60_000 + 5_000 - Date.now()));
    ac.abort();
    await Promise.allSettled(clients);
    console.log(
      `1. bar close -> received by ${CLIENTS} SSE clients (${samples.length} deliveries): p50 ${fmt(pct(samples, 50))} ms, ` +
        `p95 ${fmt(pct(samples, 95))} ms, max ${fmt(Math.max(...samples))} ms  (target p95 <= 1000 ms; includes the engine's 500 ms step)`,
    );

    // 2. read procedures at RATE req/s, with the health endpoint as the in-run baseline
    const run = await openLoop(
      [
        { name: "market.bars (240 bars)", url: trpcUrl("market.bars", { symbol, limit: 240 }), cookie },
        { name: "accounts.list (50 rows)", url: trpcUrl("accounts.list", { limit: 50 }), cookie },
        { name: "baseline GET /api/v1/health", url: `${BASE}/api/v1/health` },
      ],
      20,
    );
    console.log(`2. open loop ${RATE} req/s for ${run.seconds} s (${run.sent} requests):`);
    for (const [name, l] of run.lat) {
      console.log(
        `   ${name.padEnd(28)} p50 ${fmt(pct(l, 50))} ms  p99 ${fmt(pct(l, 99))} ms  errors ${run.errors.get(name) ?? 0}  (target p99 <= 100 ms)`,
      );
    }
  } finally {
    await stopServer(server);
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
