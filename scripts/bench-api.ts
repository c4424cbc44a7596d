// bench:api (DESIGN 9): read procedures at 200 requests/s, open loop (requests are sent on schedule
// whatever the latency, so queueing shows in p99), against a real `next start` on its own port and
// data folder (embedded PGlite, demo seed), with GET /api/v1/health (no session, no query) as the
// baseline in the same run. Per procedure: p50, p99, errors. Bounded: BENCH_API_SECONDS (20) per
// phase. Phases: every request with a fresh session-user read (SESSION_CACHE_TTL_MS=0, the old
// path), then with the session cache. Needs `npm run build`. Port BENCH_API_PORT (3203).
import fs from "node:fs";
import { fmtMs as fmt, pct, signIn, startServer, stopServer, trpcUrl, waitHealthy } from "./bench-server";

const PORT = Number(process.env.BENCH_API_PORT ?? 3203);
const BASE = `http://127.0.0.1:${PORT}`;
const RATE = Number(process.env.BENCH_API_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_API_SECONDS ?? 20);
const DATA_DIR = ".data-bench-api";

interface Target {
  name: string;
  url: string;
  cookie?: string;
}

async function openLoop(targets: Target[], seconds: number) {
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
      for (let i = 0; i < perTick; i += 1) {
        const t = targets[sent % targets.length];
        sent += 1;
        if (!t) continue;
        const t0 = performance.now();
        inflight.push(
          fetch(t.url, { headers: t.cookie ? { cookie: t.cookie } : {}, signal: AbortSignal.timeout(30_000) })
            .then(async (r) => {
              await r.arrayBuffer();
              if (!r.ok) errors.set(t.name, (errors.get(t.name) ?? 0) + 1);
              else lat.get(t.name)?.push(performance.now() - t0);
            })
            .catch(() => void errors.set(t.name, (errors.get(t.name) ?? 0) + 1)),
        );
      }
    }, tickMs);
  });
  await Promise.all(inflight);
  return { lat, errors, sent };
}

async function phase(label: string, sessionCacheMs: number) {
  process.env.SESSION_CACHE_TTL_MS = String(sessionCacheMs);
  const server = startServer({ port: PORT, dataDir: DATA_DIR, clockSpeed: 1 });
  try {
    const t0 = Date.now();
    await waitHealthy(BASE, 600_000);
    const cookie = await signIn(BASE, "risk@demo.local", "demo-password");
    const list = (await (
      await fetch(trpcUrl(BASE, "accounts.list", { limit: 1 }), { headers: { cookie } })
    ).json()) as {
      result?: { data?: { json?: { items?: Array<{ id: string }> } } };
    };
    const accountId = list.result?.data?.json?.items?.[0]?.id ?? "";
    const symbols = (await (
      await fetch(trpcUrl(BASE, "market.symbols", undefined), { headers: { cookie } })
    ).json()) as {
      result: { data: { json: Array<{ code: string; suspended: boolean }> } };
    };
    const symbol = symbols.result.data.json.find((s) => !s.suspended)?.code ?? "";
    const targets: Target[] = [
      { name: "risk.status", url: trpcUrl(BASE, "risk.status", undefined), cookie },
      { name: "market.status", url: trpcUrl(BASE, "market.status", undefined), cookie },
      { name: "market.bars (240)", url: trpcUrl(BASE, "market.bars", { symbol, limit: 240 }), cookie },
      { name: "accounts.list (50)", url: trpcUrl(BASE, "accounts.list", { limit: 50 }), cookie },
      { name: "accounts.risk", url: trpcUrl(BASE, "accounts.risk", { id: accountId }), cookie },
      { name: "risk.heatmap", url: trpcUrl(BASE, "risk.heatmap", undefined), cookie },
      { name: "baseline /api/v1/health", url: `${BASE}/api/v1/health` },
    ];
    // Warm-up (JIT, route compilation, first reads), then the measured run.
    await openLoop(targets, 3);
    const run = await openLoop(targets, SECONDS);
    console.log(
      `\n${label}: server up in ${Date.now() - t0} ms; open loop ${RATE} req/s for ${SECONDS} s (${run.sent} requests)`,
    );
    const all: number[] = [];
    let errs = 0;
    for (const [name, l] of run.lat) {
      all.push(...l);
      errs += run.errors.get(name) ?? 0;
      console.log(
        `   ${name.padEnd(26)} p50 ${fmt(pct(l, 50)).padStart(7)} ms  p99 ${fmt(pct(l, 99)).padStart(8)} ms  errors ${run.errors.get(name) ?? 0}`,
      );
    }
    console.log(
      `   ${"all".padEnd(26)} p50 ${fmt(pct(all, 50)).padStart(7)} ms  p99 ${fmt(pct(all, 99)).padStart(8)} ms  errors ${errs} (${((errs / run.sent) * 100).toFixed(1)}%)  (target p99 <= 100 ms)`,
    );
  } finally {
    await stopServer(server);
    fs.rmSync(DATA_DIR, { recursive: true, force: true });
  }
}

async function main() {
  const os = await import("node:os");
  console.log(`bench:api on ${process.version}, ${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(1)}`);
  if (process.env.BENCH_API_BASELINE !== "0") await phase("session user read per request (TTL 0)", 0);
  await phase("session user cached (TTL 500 ms)", 500);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
