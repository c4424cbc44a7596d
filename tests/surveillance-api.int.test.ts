// POST /api/v1/surveillance/evaluate (DESIGN 10) through its route handler: bearer tokens of the
// roles it lists (COMPLIANCE, AUDITOR) and of one it does not, hand-worked clusters and hits, the
// 400s (nothing computed), the caps, and the largest allowed body timed with the main thread's
// event-loop delay measured meanwhile (the work runs in the compute pool).
import { monitorEventLoopDelay } from "node:perf_hooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/surveillance/evaluate/route";
import { openApiDocument } from "@/server/api/v1/openapi";
import { createOwnApiToken } from "@/server/auth/api-tokens";
import type { Role } from "@/server/auth/roles";
import type { Runtime } from "@/server/runtime";
import type { EvaluateResult } from "@/server/surveillance/evaluate-api";
import { closeComputePool } from "@/server/workers/compute-pool";
import { createUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const g = globalThis as unknown as { __minuteDesk?: Promise<Runtime> };
// 2026-12-01 09:30 Asia/Shanghai
const T0 = Date.UTC(2026, 11, 1, 1, 30);

const ev = (ts: number, account: string, type: string, orderId: string, more: Record<string, unknown> = {}) => ({
  ts,
  account,
  symbol: "600000",
  type,
  side: "BUY",
  orderId,
  price: 10,
  qty: 100,
  ...more,
});

describe.each(BACKENDS)("POST /api/v1/surveillance/evaluate on %s", (kind) => {
  let t: TestDatabase;
  const tokens: Partial<Record<Role, string>> = {};
  const post = (body: unknown, opts: { role?: Role; type?: string; bearer?: string | null } = {}) =>
    POST(
      new Request("http://localhost/api/v1/surveillance/evaluate", {
        method: "POST",
        headers: {
          "content-type": opts.type ?? "application/json",
          ...(opts.bearer === null
            ? {}
            : { authorization: `Bearer ${opts.bearer ?? tokens[opts.role ?? "COMPLIANCE"]}` }),
        },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    g.__minuteDesk = Promise.resolve({ db: t.db } as Runtime);
    for (const role of ["COMPLIANCE", "AUDITOR", "RISK"] as const) {
      const u = await createUser(t.db, role);
      tokens[role] = (await createOwnApiToken(t.db.prisma, u, { name: "surv test", scopes: ["read"] })).token;
    }
  });
  afterAll(async () => {
    g.__minuteDesk = undefined;
    await closeComputePool();
    await t.drop();
  });

  it("clusters of the links and the DESIGN 10 hits, worked by hand", async () => {
    const events = [
      // W1 and W2 share a device: a trade between them, reported from both sides, counts once.
      ev(T0, "W1", "TRADE", "w1", { counterparty: "W2" }),
      ev(T0, "W2", "TRADE", "w2", { counterparty: "W1", side: "SELL" }),
      // C: 50 NEW and 45 CANCEL in one day: 45 / 50 = 0.9 reaches the default ratio.
      ...Array.from({ length: 50 }, (_, i) => ev(T0 + 2000 * i, "C", "NEW", `c${i}`)),
      ...Array.from({ length: 45 }, (_, i) => ev(T0 + 2000 * i + 1000, "C", "CANCEL", `c${i}`)),
    ].reverse();
    const links = [
      { a: "W2", b: "W1", kind: "DEVICE" },
      { a: "X9", b: "X1", kind: "CARD" },
      { a: "X1", b: "X5", kind: "IP" },
    ];
    for (const role of ["COMPLIANCE", "AUDITOR"] as const) {
      const res = await post({ events, links }, { role });
      expect(res.status).toBe(200);
      const body = (await res.json()) as EvaluateResult;
      expect(body.clusters).toEqual([
        ["W1", "W2"],
        ["X1", "X5", "X9"],
      ]);
      expect(body.hits.map((h) => [h.rule, h.accounts, h.count, h.day ?? h.symbol])).toEqual([
        ["CANCEL_RATIO", ["C"], 45, "2026-12-01"],
        ["WASH_TRADE", ["W1", "W2"], 1, "600000"],
      ]);
      expect(body.hits[1]?.evidence.orders.sort()).toEqual(["w1", "w2"]);
    }
  });

  it("401 for an unknown token, 403 for RISK (not listed)", async () => {
    expect((await post({ events: [] }, { bearer: "md_not_a_token" })).status).toBe(401);
    const res = await post({ events: [] }, { role: "RISK" });
    expect(res.status).toBe(403);
  });

  it.each([
    ["not JSON", "{nope", /valid JSON/],
    ["a __proto__ key", '{"events":[],"params":{"__proto__":{"hfPerSecond":1}}}', /__proto__/],
    ["a NUL character", JSON.stringify({ events: [ev(T0, "A\u0000", "NEW", "1")] }), /NUL/],
    ["a bad type", { events: [ev(T0, "A", "MODIFY", "1")] }, /type must be/],
    ["a fractional ts", { events: [ev(T0 + 0.5, "A", "NEW", "1")] }, /ts must be an integer/],
    ["a string price", { events: [ev(T0, "A", "NEW", "1", { price: "10" })] }, /price/],
    ["a zero qty", { events: [ev(T0, "A", "NEW", "1", { qty: 0 })] }, /qty must be > 0/],
    ["an unknown parameter", { events: [], params: { hfPerSec: 3 } }, /hfPerSec/],
    ["cancelRatio 0", { events: [], params: { cancelRatio: 0 } }, /cancelRatio/],
    ["a 65-character account", { events: [ev(T0, "A".repeat(65), "NEW", "1")] }, /64 characters/],
    ["no events", { links: [] }, /events/],
    ["50,001 events", { events: Array.from({ length: 50_001 }, (_, i) => ev(T0, "A", "NEW", `${i}`)) }, /50,000/],
  ])("400 for %s", async (_, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const out = (await res.json()) as { error: { code: string; message: string } };
    expect(out.error.code).toBe("BAD_REQUEST");
    expect(out.error.message).toMatch(message);
  });

  it("415 for a body not sent as JSON; 413 over 8 MB before it is parsed", async () => {
    expect((await post({ events: [] }, { type: "text/plain" })).status).toBe(415);
    const big = `{"events":[],"pad":"${"x".repeat(8 * 1024 * 1024)}"}`;
    expect((await post(big)).status).toBe(413);
  });

  it("the largest allowed body (50,000 events, ~5.6 MB) in the pool, the main thread left free", async () => {
    // Account H sends 20,000 NEW+CANCEL in one day (the SSE/SZSE daily threshold, exactly), 300 of
    // them inside one second; 30,000 other events are spread over 300 accounts.
    const events = [
      ...Array.from({ length: 300 }, (_, i) => ev(T0 + i * 3, "H", i % 2 ? "CANCEL" : "NEW", `h${i}`)),
      ...Array.from({ length: 19_700 }, (_, i) => ev(T0 + 5000 + i * 1000, "H", i % 2 ? "CANCEL" : "NEW", `hh${i}`)),
      ...Array.from({ length: 30_000 }, (_, i) =>
        ev(T0 + i * 500, `N${i % 300}`, ["NEW", "CANCEL", "TRADE"][i % 3] ?? "NEW", `n${i}`, {
          counterparty: i % 3 === 2 ? `N${(i + 1) % 300}` : undefined,
        }),
      ),
    ];
    const links = Array.from({ length: 20_000 }, (_, i) => ({ a: `L${i}`, b: `L${i + 1}`, kind: "IP" }));
    const text = JSON.stringify({ events, links });
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const t0 = performance.now();
    const res = await post(text);
    const ms = performance.now() - t0;
    delay.disable();
    expect(res.status).toBe(200);
    const body = (await res.json()) as EvaluateResult;
    const h = body.hits.filter((x) => x.accounts[0] === "H").map((x) => [x.rule, x.count]);
    expect(h).toEqual([
      ["HIGH_FREQUENCY_SECOND", 300],
      ["HIGH_FREQUENCY_DAY", 20_000],
      ["CANCEL_RATIO", 10_000], // every NEW of H is followed by a CANCEL: ratio 1
    ]);
    expect(body.clusters).toHaveLength(1);
    expect(body.clusters[0]).toHaveLength(20_001);
    const maxDelayMs = delay.max / 1e6;
    console.info(
      `evaluate, largest body (${(text.length / 1e6).toFixed(1)} MB): ${ms.toFixed(0)} ms end to end; main-thread event-loop delay max ${maxDelayMs.toFixed(0)} ms`,
    );
    expect(ms).toBeLessThan(10_000);
    // Measured here (2 shared cores): 63-241 ms, most of it reading the 7 MB body and the machine's
    // other load; the evaluation itself (~1.5-2.5 s) never runs on this thread.
    expect(maxDelayMs).toBeLessThan(500);
  });

  it("is documented in the OpenAPI document", () => {
    expect(Object.keys(openApiDocument.paths)).toContain("/surveillance/evaluate");
  });
});
