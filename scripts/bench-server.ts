// What the benches that run against a real `next start` share: starting it on loopback with a
// fresh data folder (the next binary itself, so SIGTERM reaches the server and PGlite closes),
// waiting for health, signing in through next-auth's credentials API, tRPC GET URLs, percentiles.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";

export function pct(values: number[], p: number): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length === 0 ? NaN : (s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN);
}

export const fmtMs = (v: number) => v.toFixed(1);

export function assertProductionBuild(): void {
  if (!fs.existsSync(".next/BUILD_ID") || !fs.existsSync(".workers/compute-worker.mjs"))
    throw new Error("no production build: run `npm run build` first");
}

/** Starts `next start` on 127.0.0.1:port with a fresh data folder and the given clock speed. */
export function startServer(opts: { port: number; dataDir: string; clockSpeed: number }): ChildProcess {
  assertProductionBuild();
  fs.rmSync(opts.dataDir, { recursive: true, force: true });
  return spawn("node_modules/.bin/next", ["start", "-H", "127.0.0.1", "-p", String(opts.port)], {
    env: {
      ...process.env,
      MINUTE_DESK_DATA_DIR: opts.dataDir,
      CLOCK_SPEED: String(opts.clockSpeed),
      NEXTAUTH_URL: `http://127.0.0.1:${opts.port}`,
      NEXT_MANUAL_SIG_HANDLE: "1",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
}

/** SIGTERM, then wait for the exit (the server flushes PGlite on the way out). */
export async function stopServer(server: ChildProcess | null): Promise<void> {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((r) => server.once("exit", r));
  server.kill("SIGTERM");
  await exited;
}

export async function waitHealthy(base: string, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("server did not become healthy");
}

/** next-auth credentials sign-in; returns the Cookie header for later requests. */
export async function signIn(base: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [k, ...v] = (c.split(";")[0] ?? "").split("=");
      if (k) jar.set(k, v.join("="));
    }
  };
  keep(csrf);
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session-token"))) throw new Error(`sign-in failed (${res.status})`);
  return cookie();
}

export function trpcUrl(base: string, path: string, input: unknown): string {
  return `${base}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
}
