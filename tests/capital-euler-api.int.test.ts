// POST /api/v1/capital/euler (DESIGN 10) through its route handler: the roles (RISK, MANAGER, AUDITOR),
// the 400s (nothing computed), the worked example, the OpenAPI contract and the largest allowed input,
// timed, with the server's own thread staying responsive while the compute pool works.
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/capital/euler/route";
import { openApiDocument } from "@/server/api/v1/openapi";
import { createOwnApiToken } from "@/server/auth/api-tokens";
import type { Role } from "@/server/auth/roles";
import { closeComputePool } from "@/server/workers/compute-pool";
import { createUser } from "./helpers/fixtures";
import { installTestRuntime } from "./helpers/route-runtime";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

interface EulerBody {
  var: number;
  es: number;
  contributions: number[];
  tail: number[];
}

describe.each(BACKENDS)("POST /api/v1/capital/euler on %s", (kind) => {
  let t: TestDatabase;
  let uninstall: () => void;
  const tokens: Partial<Record<Role, string>> = {};
  const post = (body: unknown, role: Role = "RISK") =>
    POST(
      new Request("http://localhost/api/v1/capital/euler", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${tokens[role]}` },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    uninstall = installTestRuntime(t.db);
    for (const role of ["RISK", "MANAGER", "AUDITOR", "COMPLIANCE", "ADMIN"] as const) {
      const u = await createUser(t.db, role);
      tokens[role] = (await createOwnApiToken(t.db.prisma, u, { name: "euler", scopes: ["read"] })).token;
    }
  });
  afterAll(async () => {
    uninstall();
    await closeComputePool();
    await t.drop();
  });

  it("works the DESIGN example by hand for RISK, MANAGER and AUDITOR", async () => {
    // Row sums L = [3, 5, 4, 4]; alpha 0.5 -> k = 2: scenario 1, then the 4/4 tie to index 2.
    const body = {
      losses: [
        [1, 2],
        [5, 0],
        [2, 2],
        [0, 4],
      ],
      alpha: 0.5,
    };
    for (const role of ["RISK", "MANAGER", "AUDITOR"] as const) {
      const res = await post(body, role);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({ var: 4, es: 4.5, contributions: [3.5, 1], tail: [1, 2] });
    }
  });

  it("refuses COMPLIANCE and ADMIN (403) and an unknown token (401)", async () => {
    expect((await post({ losses: [[1]], alpha: 0.5 }, "COMPLIANCE")).status).toBe(403);
    expect((await post({ losses: [[1]], alpha: 0.5 }, "ADMIN")).status).toBe(403);
    const anon = await POST(
      new Request("http://localhost/api/v1/capital/euler", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer md_not-a-token" },
        body: "{}",
      }),
    );
    expect(anon.status).toBe(401);
  });

  it.each([
    ["alpha 1", { losses: [[1]], alpha: 1 }, /alpha/],
    ["alpha 0", { losses: [[1]], alpha: 0 }, /alpha/],
    ["alpha missing", { losses: [[1]] }, /alpha/],
    ["no scenarios", { losses: [], alpha: 0.5 }, /at least one scenario/],
    ["an empty row", { losses: [[]], alpha: 0.5 }, /at least one unit/],
    ["ragged rows", { losses: [[1, 2], [3]], alpha: 0.5 }, /same number of units.*losses\[1\]/],
    ["a string loss", { losses: [["1"]], alpha: 0.5 }, /finite numbers/],
    ["a null loss", { losses: [[null]], alpha: 0.5 }, /finite numbers/],
    ["too many units", { losses: [Array.from({ length: 2001 }, () => 0)], alpha: 0.5 }, /at most 2,000 columns/],
    [
      "too many cells",
      { losses: Array.from({ length: 1000 }, () => Array.from({ length: 501 }, () => 0)), alpha: 0.5 },
      /at most 500,000/,
    ],
    ["overflowing losses", { losses: [[1e308, 1e308]], alpha: 0.5 }, /too large/],
  ])("400 for %s, with a message that says why", async (_name, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const e = (await res.json()) as { error: { code: string; message: string } };
    expect(e.error.code).toBe("BAD_REQUEST");
    expect(e.error.message).toMatch(message);
  });

  it("400 for bad JSON, a NUL byte and a __proto__ key; 415 for another content type", async () => {
    expect((await post("{losses:")).status).toBe(400);
    expect((await post('{"losses":[[1]],"alpha":0.5,"x":"a\\u0000"}')).status).toBe(400);
    expect((await post('{"losses":[[1]],"alpha":0.5,"__proto__":{"x":1}}')).status).toBe(400);
    const res = await POST(
      new Request("http://localhost/api/v1/capital/euler", {
        method: "POST",
        headers: { "content-type": "text/plain", authorization: `Bearer ${tokens.RISK}` },
        body: JSON.stringify({ losses: [[1]], alpha: 0.5 }),
      }),
    );
    expect(res.status).toBe(415);
  });

  // The largest inputs the caps allow, timed; a 5 ms timer on the server's own thread keeps ticking
  // while the compute pool works (the JSON parse and the schema check are the thread's only share).
  it.each([
    ["100,000 scenarios x 1 unit (the scenario cap)", 100_000, 1],
    ["4,900 scenarios x 100 units (490,000 cells, ~1 MB: the body cap binds before the 500,000-cell cap)", 4_900, 100],
  ])("the largest allowed input: %s", async (_name, n, m) => {
    const losses = Array.from({ length: n }, (_, i) => Array.from({ length: m }, (_, j) => (i * 7 + j * 3) % 10));
    const text = JSON.stringify({ losses, alpha: 0.99 });
    expect(text.length).toBeLessThan(1024 * 1024);
    // Independent check: the tail is the k = ceil(n x 0.01) largest row sums, ties to the lower index.
    const k = Math.ceil(n / 100);
    const sums = losses.map((r, i) => ({ i, l: r.reduce((a, b) => a + b, 0) }));
    sums.sort((a, b) => b.l - a.l || a.i - b.i);
    const tail = sums.slice(0, k);
    const es = tail.reduce((a, s) => a + s.l, 0) / k;
    let ticks = 0;
    const timer = setInterval(() => ticks++, 5);
    const started = performance.now();
    const res = await post(text);
    const ms = performance.now() - started;
    clearInterval(timer);
    expect(res.status).toBe(200);
    const r = (await res.json()) as EulerBody;
    expect(r.tail).toEqual(tail.map((s) => s.i).sort((a, b) => a - b));
    expect(r.es).toBeCloseTo(es, 9);
    expect(r.contributions).toHaveLength(m);
    expect(r.contributions.reduce((a, b) => a + b, 0)).toBeCloseTo(r.es, 9);
    console.log(
      `euler ${n} x ${m}: ${text.length.toLocaleString("en-US")} bytes, ${ms.toFixed(0)} ms, 5 ms ticks ${ticks}`,
    );
    expect(ms).toBeLessThan(10_000);
    expect(ticks).toBeGreaterThan(0); // the server thread was not held for the whole job
  });

  it("413 for a body over 1 MB, before it is parsed", async () => {
    const res = await post(JSON.stringify({ losses: Array.from({ length: 120_000 }, () => [1, 2, 3, 4]), alpha: 0.5 }));
    expect(res.status).toBe(413);
  });

  it("the response matches the OpenAPI schema", async () => {
    const op = (
      openApiDocument.paths as unknown as Record<
        string,
        { post: { responses: Record<string, { content: Record<string, { schema: object }> }> } }
      >
    )["/capital/euler"]!.post;
    const ajv = new Ajv2020({ strict: false });
    const validate = ajv.compile(op.responses["200"]!.content["application/json"]!.schema);
    const res = await post({
      losses: [
        [1, 2],
        [3, 4],
      ],
      alpha: 0.5,
    });
    expect(validate(await res.json())).toBe(true);
  });
});
