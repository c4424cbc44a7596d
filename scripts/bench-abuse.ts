// DESIGN 8 / 10 "the desk must never stall": against a real `next start` on loopback (started
// here on the embedded default, clock x30 so a minute closes every 2 s, or an already running
// one with --base), fire the worst request each route allows (and some it refuses), a few at a
// time, while measuring GET /api/v1/health latency and the engine's minute closes (tRPC
// market.onMinute; none may be missing). The same health probe alone first is the baseline.
// Bounded: --seconds (default 40, at most 120) of load, loopback only. Needs `npm run build`.
// Usage: npm run bench:abuse [-- --seconds 40 --concurrency 4 --base http://127.0.0.1:3103]
import type { ChildProcess } from "node:child_process";
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
const SECONDS = Math.min(120, Number(args.get("--seconds") ?? 40));
const BASELINE_SECONDS = Math.min(30, Number(args.get("--baseline") ?? 10));
const WARM_MINUTES = 5;
const CONCURRENCY = Math.min(8, Number(args.get("--concurrency") ?? 4));
const PORT = Number(args.get("--port") ?? 3303);
const BASE = args.get("--base") ?? `http://127.0.0.1:${PORT}`;
const DATA_DIR = ".data-bench-abuse";
if (!/^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?$/.test(BASE)) throw new Error("bench:abuse targets loopback only");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const trpcUrl = (path: string, input: unknown) => trpcUrlAt(BASE, path, input);
const waitHealthy = (timeoutMs: number) => waitHealthyAt(BASE, timeoutMs);
const signIn = (email: string, password: string) => signInAt(BASE, email, password);

/** Health probe every 100 ms (closed loop, one at a time) until `stop`. */
async function probeHealth(stop: { done: boolean }): Promise<number[]> {
  const lat: number[] = [];
  while (!stop.done) {
    const t0 = performance.now();
    try {
      await (await fetch(`${BASE}/api/v1/health`, { signal: AbortSignal.timeout(10_000) })).arrayBuffer();
      lat.push(performance.now() - t0);
    } catch {
      lat.push(10_000);
    }
    await sleep(Math.max(0, 100 - (performance.now() - t0)));
  }
  return lat;
}

/** Minute closes pushed by the engine (market.onMinute SSE), in arrival order. */
function watchMinutes(cookie: string, signal: AbortSignal): { minutes: number[]; done: Promise<void> } {
  const minutes: number[] = [];
  const done = (async () => {
    try {
      const res = await fetch(trpcUrl("market.onMinute", undefined), {
        headers: { cookie, accept: "text/event-stream" },
        signal,
      });
      const reader = res.body?.getReader();
      if (!reader) return;
      const decoder = new TextDecoder();
      let buf = "";
      for (;;) {
        const { value, done: end } = await reader.read();
        if (end) return;
        buf += decoder.decode(value, { stream: true });
        let nl: number;
        while ((nl = buf.indexOf("\n")) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!line.startsWith("data:")) continue;
          try {
            const ev = (JSON.parse(line.slice(5)) as { json?: { minuteTs?: number } }).json;
            if (typeof ev?.minuteTs === "number") minutes.push(ev.minuteTs);
          } catch {
            // pings
          }
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return { minutes, done };
}

interface Attack {
  name: string;
  url: string;
  init: RequestInit;
}

function attacks(cookie: string, accountId: string): Attack[] {
  const json = (body: unknown): RequestInit => ({
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  // 4 decimals: 100,000 points stay under the 1 MB body cap (full-precision floats would not).
  const series = (n: number) =>
    Array.from({ length: n }, (_, i) => Math.round((Math.sin(i / 13) + (i % 997 === 0 ? 4 : 0)) * 1e4) / 1e4);
  const positions = Array.from({ length: 5000 }, (_, i) => ({
    symbol: `S${i}`,
    qty: 1000 + i,
    price: 10 + (i % 50),
    assetClass: i % 3 ? "MAIN_BOARD" : "GROWTH",
    liquidityTier: `T${1 + (i % 3)}`,
    sigma: 0.002,
    adv: 1e7,
  }));
  const get = (): RequestInit => ({ headers: { cookie } });
  return [
    {
      name: "bocpd 10k x maxRunLength 1000 (at the cap)",
      url: `${BASE}/api/v1/detectors/bocpd`,
      init: json({ series: series(10_000), maxRunLength: 1000 }),
    },
    {
      name: "bocpd 100k x 100 (at the cap)",
      url: `${BASE}/api/v1/detectors/bocpd`,
      init: json({ series: series(100_000), maxRunLength: 100 }),
    },
    {
      name: "bocpd 100k x 10000 (over: 400)",
      url: `${BASE}/api/v1/detectors/bocpd`,
      init: json({ series: series(100_000), maxRunLength: 10_000 }),
    },
    {
      name: "cusum 100k",
      url: `${BASE}/api/v1/detectors/cusum`,
      init: json({ series: series(100_000), mean: 0, sd: 1, k: 0.5, h: 4 }),
    },
    {
      name: "volatility 100k closes",
      url: `${BASE}/api/v1/indicators/volatility`,
      init: json({ closes: series(100_000).map((x) => Math.round((100 + x) * 100) / 100) }),
    },
    {
      name: "risk/evaluate 5000 positions",
      url: `${BASE}/api/v1/risk/evaluate`,
      init: json({ cash: 1e6, debt: 5e6, positions }),
    },
    {
      name: "body 5 MB (over: 413)",
      url: `${BASE}/api/v1/risk/evaluate`,
      init: {
        method: "POST",
        headers: { cookie, "content-type": "application/json" },
        body: " ".repeat(5 * 1024 * 1024),
      },
    },
    { name: "accounts/{id}/risk", url: `${BASE}/api/v1/accounts/${encodeURIComponent(accountId)}/risk`, init: get() },
    { name: "audit/verify", url: `${BASE}/api/v1/audit/verify`, init: get() },
    {
      name: "payments/callback unsigned 1 MB (401)",
      url: `${BASE}/api/v1/payments/callback`,
      init: { method: "POST", headers: { "content-type": "application/json" }, body: "x".repeat(1024 * 1024) },
    },
    { name: "openapi.json", url: `${BASE}/api/v1/openapi.json`, init: {} },
    { name: "trpc accounts.list 5000 rows", url: trpcUrl("accounts.list", { limit: 5000 }), init: get() },
    {
      name: "trpc batch 10 x accounts.list 5000",
      url: `${BASE}/api/trpc/${Array(10).fill("accounts.list").join(",")}?batch=1&input=${encodeURIComponent(JSON.stringify(Object.fromEntries(Array.from({ length: 10 }, (_, i) => [i, { json: { limit: 5000 } }]))))}`,
      init: get(),
    },
    {
      name: "trpc batch 50 (over: 400)",
      url: `${BASE}/api/trpc/${Array(50).fill("market.status").join(",")}?batch=1&input={}`,
      init: get(),
    },
    { name: "trpc risk.heatmap", url: trpcUrl("risk.heatmap", undefined), init: get() },
    { name: "trpc market.watchlist", url: trpcUrl("market.watchlist", undefined), init: get() },
  ];
}

async function main() {
  let server: ChildProcess | null = null;
  if (!args.has("--base")) server = startServer({ port: PORT, dataDir: DATA_DIR, clockSpeed: 30 });
  try {
    const t0 = Date.now();
    await waitHealthy(300_000);
    console.log(
      `server ${BASE} healthy after ${Date.now() - t0} ms; load ${SECONDS} s at ${CONCURRENCY} concurrent heavy requests`,
    );
    const cookie = await signIn("auditor@demo.local", "demo-password");
    const list = (await (await fetch(trpcUrl("accounts.list", { limit: 1 }), { headers: { cookie } })).json()) as {
      result?: { data?: { json?: { items?: Array<{ id: string }> } } };
    };
    const accountId = list.result?.data?.json?.items?.[0]?.id ?? "unknown";

    const ac = new AbortController();
    const watch = watchMinutes(cookie, ac.signal);
    // Both phases measure the steady state: the first closes after a start catch up and warm up
    // (surveillance replays its window), which would land in whichever phase came first.
    const warm = Date.now();
    while (watch.minutes.length < WARM_MINUTES && Date.now() - warm < 180_000) await sleep(250);
    console.log(`steady after ${watch.minutes.length} minute closes (${Date.now() - warm} ms)`);

    const baseStop = { done: false };
    const baseline = probeHealth(baseStop);
    await sleep(BASELINE_SECONDS * 1000);
    baseStop.done = true;
    const baseLat = await baseline;

    const list2 = attacks(cookie, accountId);
    const stats = new Map(list2.map((a) => [a.name, { n: 0, codes: new Map<number, number>(), lat: [] as number[] }]));
    const stop = { done: false };
    const underLoad = probeHealth(stop);
    const loadStart = Date.now();
    let next = 0;
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (Date.now() - loadStart < SECONDS * 1000) {
        const a = list2[next++ % list2.length];
        if (!a) continue;
        const s = stats.get(a.name);
        const t1 = performance.now();
        let code = 0;
        try {
          const res = await fetch(a.url, { ...a.init, signal: AbortSignal.timeout(60_000) });
          await res.arrayBuffer();
          code = res.status;
        } catch {
          code = -1;
        }
        if (s) {
          s.n += 1;
          s.codes.set(code, (s.codes.get(code) ?? 0) + 1);
          s.lat.push(performance.now() - t1);
        }
      }
    });
    await Promise.all(workers);
    stop.done = true;
    const loadLat = await underLoad;
    await sleep(2_500); // the minute that closes right after the load
    ac.abort();
    await watch.done;

    console.log(
      `health baseline (alone, ${BASELINE_SECONDS} s, ${baseLat.length} probes): p50 ${fmt(pct(baseLat, 50))} ms  p99 ${fmt(pct(baseLat, 99))} ms  max ${fmt(Math.max(...baseLat))} ms`,
    );
    console.log(
      `health under load (${SECONDS} s, ${loadLat.length} probes):       p50 ${fmt(pct(loadLat, 50))} ms  p99 ${fmt(pct(loadLat, 99))} ms  max ${fmt(Math.max(...loadLat))} ms  (target p99 < 200 ms)`,
    );
    console.log("requests fired (route: count, status codes, latency p50 / max):");
    for (const [name, s] of stats) {
      const codes = [...s.codes].map(([c, n]) => `${c === -1 ? "error" : c} x${n}`).join(", ");
      console.log(
        `  ${name.padEnd(42)} ${String(s.n).padStart(4)}  ${codes.padEnd(18)} ${fmt(pct(s.lat, 50)).padStart(8)} / ${fmt(Math.max(...s.lat))} ms`,
      );
    }
    const m = watch.minutes;
    const gaps: number[] = [];
    for (let i = 1; i < m.length; i++) {
      const prev = m[i - 1] ?? 0;
      const cur = m[i] ?? 0;
      for (let t = prev + 60_000; t < cur; t += 60_000) gaps.push(t);
    }
    console.log(
      `minute closes pushed: ${m.length} (${m.length ? `${new Date(m[0] ?? 0).toISOString()} .. ${new Date(m.at(-1) ?? 0).toISOString()}` : "none"}), missing: ${gaps.length}${
        gaps.length
          ? ` (${gaps
              .slice(0, 5)
              .map((t) => new Date(t).toISOString())
              .join(", ")})`
          : ""
      }`,
    );
  } finally {
    if (server) {
      await stopServer(server);
      fs.rmSync(DATA_DIR, { recursive: true, force: true });
    }
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
