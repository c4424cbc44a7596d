// DESIGN 10 "Limits, for every route", through the route handlers themselves (new Request(...)):
// work caps (400 naming the cap), body caps (413 before the body is buffered), media types (415),
// CSRF rules of the tRPC endpoint, the bank callback's throttle and header check, own-key and
// finite-result checks of risk/evaluate, NUL characters, unknown paths and 500s without internals.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as bocpdRoute } from "@/app/api/v1/detectors/bocpd/route";
import { POST as volatilityRoute } from "@/app/api/v1/indicators/volatility/route";
import { POST as evaluateRoute } from "@/app/api/v1/risk/evaluate/route";
import { GET as accountRiskRoute } from "@/app/api/v1/accounts/[id]/risk/route";
import { GET as unknownGet, POST as unknownPost } from "@/app/api/v1/[...path]/route";
import { POST as callbackRoute } from "@/app/api/v1/payments/callback/route";
import { GET as trpcGet, POST as trpcPost } from "@/app/api/trpc/[trpc]/route";
import { createOwnApiToken } from "@/server/auth/api-tokens";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { createCallbackThrottle, setCallbackThrottle } from "@/server/payments/callback-gate";
import { closeComputePool } from "@/server/workers/compute-pool";
import { createUser } from "./helpers/fixtures";
import { installTestRuntime } from "./helpers/route-runtime";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const MB = 1024 * 1024;
const BASE = "http://localhost:3000";

/** A body stream that would produce `total` bytes, counting what the server actually pulled. */
function countingStream(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (state.pulled >= total) return controller.close();
      const n = Math.min(chunk, total - state.pulled);
      state.pulled += n;
      controller.enqueue(new Uint8Array(n).fill(0x20));
    },
  });
  return { stream, state };
}

async function envelope(res: Response) {
  expect(res.headers.get("content-type")).toMatch(/application\/json/);
  return (await res.json()) as { error: { code: string; message: string; ref?: string } };
}

describe.each(BACKENDS)("request limits on %s", (kind) => {
  let t: TestDatabase;
  let uninstall: () => void;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    uninstall = installTestRuntime(t.db);
    const user = await createUser(t.db, "RISK");
    const { token } = await createOwnApiToken(t.db.prisma, user, { name: "limits test", scopes: ["read", "write"] });
    auth = { authorization: `Bearer ${token}` };
  });
  afterAll(async () => {
    uninstall();
    await closeComputePool();
    await t.drop();
  });

  const post = (path: string, body: BodyInit, headers: Record<string, string> = {}) =>
    new Request(`${BASE}${path}`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...auth, ...headers },
      duplex: "half",
    } as RequestInit);

  it("BOCPD over points x maxRunLength is a 400 naming the cap (it used to block the thread for 75-93 s)", async () => {
    const series = Array.from({ length: 100_000 }, (_, i) => i % 7);
    const res = await bocpdRoute(post("/api/v1/detectors/bocpd", JSON.stringify({ series, maxRunLength: 10_000 })));
    expect(res.status).toBe(400);
    const { error } = await envelope(res);
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("series length x maxRunLength must be at most 10,000,000");
  });

  it("runs an allowed BOCPD in the compute pool and answers one figure per point", async () => {
    const series = [...Array.from({ length: 50 }, () => 0), ...Array.from({ length: 30 }, () => 5)];
    const res = await bocpdRoute(
      post("/api/v1/detectors/bocpd", JSON.stringify({ series, hazard: 0.01, maxRunLength: 200 })),
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as { runLengthMap: number[] };
    expect(body.runLengthMap).toHaveLength(80);
    expect(body.runLengthMap[79]).toBeLessThan(35);
  });

  it("refuses a body over 1 MB by its Content-Length: 413 with the envelope, nothing read", async () => {
    const { stream, state } = countingStream(5 * MB);
    const res = await bocpdRoute(post("/api/v1/detectors/bocpd", stream, { "content-length": String(5 * MB) }));
    expect(res.status).toBe(413);
    expect((await envelope(res)).error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
  });

  it("stops reading a streamed body (no Content-Length) at 1 MB: 413", async () => {
    const { stream, state } = countingStream(50 * MB);
    const res = await volatilityRoute(post("/api/v1/indicators/volatility", stream));
    expect(res.status).toBe(413);
    expect((await envelope(res)).error.message).toMatch(/1 MB/);
    expect(state.pulled).toBeLessThan(MB + 256 * 1024);
  });

  it("refuses a body that is not application/json: 415", async () => {
    const res = await bocpdRoute(
      post("/api/v1/detectors/bocpd", "series=1", { "content-type": "application/x-www-form-urlencoded" }),
    );
    expect(res.status).toBe(415);
    expect((await envelope(res)).error.code).toBe("UNSUPPORTED_MEDIA_TYPE");
  });

  it("volatility: closes that overflow the return are a 400, not nulls", async () => {
    const res = await volatilityRoute(
      post("/api/v1/indicators/volatility", JSON.stringify({ closes: [1e-300, 1e300, 1] })),
    );
    expect(res.status).toBe(400);
    expect((await envelope(res)).error.message).toMatch(/closes\[0\]/);
  });

  const position = {
    symbol: "600519.SH",
    qty: 100,
    price: 10,
    assetClass: "MAIN_BOARD",
    liquidityTier: "T1",
    sigma: 0.001,
    adv: 1e9,
  };

  it.each(["constructor", "toString", "__proto__", "hasOwnProperty"])(
    "risk/evaluate: %s as asset class or tier is a 400",
    async (name) => {
      for (const p of [
        { ...position, assetClass: name },
        { ...position, liquidityTier: name },
      ]) {
        const res = await evaluateRoute(
          post(
            "/api/v1/risk/evaluate",
            JSON.stringify({ cash: 0, debt: 0, positions: [p], params: DEFAULT_RISK_PARAMS }),
          ),
        );
        expect(res.status).toBe(400);
        expect((await envelope(res)).error.message).toMatch(/unknown (asset class|liquidity tier)/);
      }
    },
  );

  it("risk/evaluate: qty = price = 1e308 is a 400 (the figures overflow)", async () => {
    const res = await evaluateRoute(
      post(
        "/api/v1/risk/evaluate",
        JSON.stringify({
          cash: 0,
          debt: 1,
          positions: [{ ...position, qty: 1e308, price: 1e308 }],
          params: DEFAULT_RISK_PARAMS,
        }),
      ),
    );
    expect(res.status).toBe(400);
    expect((await envelope(res)).error.message).toMatch(/not a finite number/);
  });

  it("risk/evaluate: a params record with more than 64 keys is a 400", async () => {
    const base = Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`C${i}`, 0.1]));
    const params = { ...DEFAULT_RISK_PARAMS, base, sigmaRef: base };
    const res = await evaluateRoute(
      post("/api/v1/risk/evaluate", JSON.stringify({ cash: 0, debt: 0, positions: [], params })),
    );
    expect(res.status).toBe(400);
    expect((await envelope(res)).error.message).toMatch(/at most 64 keys/);
  });

  it("risk/evaluate: a healthy book is computed (hand-worked: MV 1,000, m = 0.12, mm 120, ML 1,000/120)", async () => {
    const res = await evaluateRoute(
      post(
        "/api/v1/risk/evaluate",
        JSON.stringify({ cash: 0, debt: 0, positions: [position], params: DEFAULT_RISK_PARAMS }),
      ),
    );
    expect(res.status).toBe(200);
    const r = (await res.json()) as {
      marketValue: number;
      maintenanceMargin: number;
      marginLevel: number;
      status: string;
    };
    expect(r.marketValue).toBe(1000);
    expect(r.maintenanceMargin).toBeCloseTo(120, 9);
    expect(r.marginLevel).toBeCloseTo(1000 / 120, 9);
    expect(r.status).toBe("HEALTHY");
  });

  it("a NUL character in an account id is a 400, not a database error", async () => {
    const res = await accountRiskRoute(new Request(`${BASE}/api/v1/accounts/A%00B/risk`, { headers: auth }));
    expect(res.status).toBe(400);
    expect((await envelope(res)).error.message).toMatch(/NUL/);
  });

  it("an empty account id is a 400 with the envelope", async () => {
    const res = await accountRiskRoute(new Request(`${BASE}/api/v1/accounts//risk`, { headers: auth }));
    expect(res.status).toBe(400);
    expect((await envelope(res)).error.code).toBe("BAD_REQUEST");
  });

  it("unknown /api/v1 paths answer the JSON 404 envelope", async () => {
    for (const res of [
      await unknownGet(new Request(`${BASE}/api/v1/nope`)),
      await unknownPost(new Request(`${BASE}/api/v1/accounts/risk`, { method: "POST" })),
    ]) {
      expect(res.status).toBe(404);
      expect((await envelope(res)).error.code).toBe("NOT_FOUND");
    }
  });

  describe("tRPC endpoint", () => {
    const trpc = (path: string, init: RequestInit & { headers?: Record<string, string> }) =>
      new Request(`${BASE}/api/trpc/${path}`, { ...init, duplex: "half" } as RequestInit);

    it("refuses a multipart form post (cross-site forms could send one with the victim's cookie): 415", async () => {
      const form = new FormData();
      form.set("name", "x");
      const res = await trpcPost(trpc("admin.createUser", { method: "POST", body: form }));
      expect(res.status).toBe(415);
    });

    it("refuses a cross-origin POST: 403", async () => {
      const res = await trpcPost(
        trpc("auth.signOut", {
          method: "POST",
          body: "{}",
          headers: { "content-type": "application/json", origin: "https://evil.example" },
        }),
      );
      expect(res.status).toBe(403);
      expect((await envelope(res)).error.message).toMatch(/Cross-origin/);
    });

    it("refuses a batch of more than 10 calls: 400", async () => {
      const paths = Array.from({ length: 50 }, () => "accounts.list").join(",");
      const res = await trpcGet(trpc(`${paths}?batch=1&input={}`, { method: "GET" }));
      expect(res.status).toBe(400);
      expect((await envelope(res)).error.message).toMatch(/at most 10 calls/);
    });

    it("refuses a body over 1 MB: 413 before reading it", async () => {
      const { stream, state } = countingStream(20 * MB);
      const res = await trpcPost(
        trpc("risk.proposeParams", { method: "POST", body: stream, headers: { "content-type": "application/json" } }),
      );
      expect(res.status).toBe(413);
      expect(state.pulled).toBeLessThan(MB + 256 * 1024);
    });
  });

  describe("bank callback", () => {
    it("refuses (and audits) a missing signature without reading the body", async () => {
      const { stream, state } = countingStream(10 * MB);
      const res = await callbackRoute(
        new Request(`${BASE}/api/v1/payments/callback`, {
          method: "POST",
          body: stream,
          headers: { "content-type": "application/json", "x-forwarded-for": "203.0.113.9" },
          duplex: "half",
        } as RequestInit),
      );
      expect(res.status).toBe(401);
      expect(state.pulled).toBeLessThanOrEqual(64 * 1024);
      const audited = await t.db.prisma.auditEvent.findFirst({
        where: { action: "payments.callbackRejected" },
        orderBy: { id: "desc" },
      });
      expect(audited?.after).toMatchObject({ reason: "missing signature", bodyRead: false, ip: "203.0.113.9" });
    });

    it("throttles per IP: 429 with Retry-After once the allowance is used; another IP still passes", async () => {
      setCallbackThrottle(t.db.prisma, createCallbackThrottle(t.db.prisma, { points: 3, durationSeconds: 60 }));
      const call = (ip: string) =>
        callbackRoute(
          new Request(`${BASE}/api/v1/payments/callback`, {
            method: "POST",
            body: "{}",
            headers: { "content-type": "application/json", "x-forwarded-for": ip },
          }),
        );
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await call("198.51.100.7")).status);
      expect(statuses).toEqual([401, 401, 401, 429]);
      const limited = await call("198.51.100.7");
      expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
      expect((await envelope(limited)).error.code).toBe("TOO_MANY_REQUESTS");
      expect((await call("198.51.100.8")).status).toBe(401);
      setCallbackThrottle(t.db.prisma, createCallbackThrottle(t.db.prisma));
    });
  });
});
