// POST /api/v1/liquidation/plan (DESIGN 10) through its route handler: bearer authentication, the body's
// validation (400s with the error envelope, nothing computed), the live parameter version, and a plan
// worked by hand (see server/liquidation/planner/plan-liquidation.test.ts for the arithmetic).
import Ajv2020 from "ajv/dist/2020";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/liquidation/plan/route";
import { POST as evaluate } from "@/app/api/v1/risk/evaluate/route";
import { openApiDocument } from "@/server/api/v1/openapi";
import { createOwnApiToken } from "@/server/auth/api-tokens";
import { ensureDefaultParams } from "@/server/risk/params/param-service";
import type { Runtime } from "@/server/runtime";
import { createUser } from "./helpers/fixtures";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

interface OpenApiOperation {
  requestBody: { content: Record<string, { schema: object }> };
  responses: Record<string, { content: Record<string, { schema: object }> }>;
}

interface PlanBody {
  legs: Array<{ symbol: string; qty: number; avgPrice: number; slippageBps: number; priceSource: string }>;
  projected: { equity: number; maintenanceMargin: number; marginLevel: number | null; status: string };
  shortfall: number;
  cannotClose: string[];
  cannotCloseDetails: Array<{ symbol: string; reason: string }>;
  parameterVersion: number;
}

const g = globalThis as unknown as { __minuteDesk?: Promise<Runtime> };

const position = (o: Record<string, unknown> = {}) => ({
  symbol: "600000.SH",
  qty: 10_000,
  price: 10,
  assetClass: "MAIN_BOARD",
  liquidityTier: "T1",
  sigma: 0.001,
  adv: 1e9,
  sellableQty: 10_000,
  hedged: false,
  feeContribution: 0,
  book: { bids: [[10, 1_000_000]] },
  ...o,
});

describe.each(BACKENDS)("POST /api/v1/liquidation/plan on %s", (kind) => {
  let t: TestDatabase;
  let token = "";
  const post = (body: unknown, bearer?: string) =>
    POST(
      new Request("http://localhost/api/v1/liquidation/plan", {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${bearer ?? token}` },
        body: typeof body === "string" ? body : JSON.stringify(body),
      }),
    );

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    await ensureDefaultParams(t.db.prisma);
    // The route handler reads the process runtime; only the database is used here.
    g.__minuteDesk = Promise.resolve({ db: t.db } as Runtime);
    const auditor = await createUser(t.db, "AUDITOR");
    token = (await createOwnApiToken(t.db.prisma, auditor, { name: "plan test", scopes: ["read"] })).token;
  });
  afterAll(async () => {
    g.__minuteDesk = undefined;
    await t.drop();
  });

  it("plans the hand-worked example with the live parameters: 4,500 shares, ML 1.51", async () => {
    const res = await post({ cash: 0, debt: 90_000, positions: [position()] });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PlanBody;
    expect(body.legs).toHaveLength(1);
    expect(body.legs[0]).toMatchObject({ symbol: "600000.SH", qty: 4500, avgPrice: 10, slippageBps: 0 });
    expect(body.projected.equity).toBeCloseTo(9965.8, 6);
    expect(body.projected.maintenanceMargin).toBeCloseTo(6600, 6);
    expect(body.projected.marginLevel).toBeCloseTo(9965.8 / 6600, 9);
    expect(body.projected.status).toBe("HEALTHY");
    expect(body.shortfall).toBe(0);
    expect(body.cannotClose).toEqual([]);
    expect(body.parameterVersion).toBe(1);
  });

  it("records cannot-close symbols and the shortfall when the target is out of reach", async () => {
    // 4,000 T+1 shares (10% haircut) and a suspended holding (30%): selling all 6,000 sellable is not enough.
    const res = await post({
      cash: 0,
      debt: 90_000,
      lotSize: 100,
      positions: [
        position({ sellableQty: 6000 }),
        position({ symbol: "000001.SZ", qty: 100, sellableQty: 100, price: 1, suspended: true }),
      ],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PlanBody;
    expect(body.cannotClose).toEqual(["600000.SH", "000001.SZ"]);
    expect(body.legs.map((l: { qty: number }) => l.qty)).toEqual([6000]);
    // E' = 5,954.40 + 100 x 1 x (1 - 0.3) = 6,024.40; MM' = 4,320 + 70 x 0.12 = 4,328.40; 1.5 MM' - E' = 468.20
    expect(body.shortfall).toBeCloseTo(468.2, 6);
    expect(body.cannotCloseDetails.map((c: { reason: string }) => c.reason)).toEqual(["T_PLUS_ONE", "SUSPENDED"]);
  });

  it("hedged as a boolean, no book (square-root impact), default lot size", async () => {
    const res = await post({
      cash: 0,
      debt: 95_000,
      positions: [position({ book: undefined, hedged: true, sigma: 0.002, adv: 1e7 })],
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as PlanBody;
    const leg = body.legs[0];
    expect(leg?.qty).toBeGreaterThan(0);
    expect((leg?.qty ?? 1) % 100).toBe(0);
    expect(leg?.priceSource).toBe("IMPACT_MODEL");
    expect(leg?.slippageBps).toBeGreaterThan(0);
  });

  it.each([
    ["a body that is not JSON", "{nope", /valid JSON/],
    ["a __proto__ key", '{"cash":0,"debt":0,"positions":[],"params":{"base":{"__proto__":0.1}}}', /__proto__/],
    [
      "an inherited asset class (constructor)",
      { cash: 0, debt: 1, positions: [position({ assetClass: "constructor" })] },
      /asset class/,
    ],
    ["non-finite cash (1e999)", '{"cash":1e999,"debt":0,"positions":[]}', /cash/],
    ["a negative quantity", { cash: 0, debt: 0, positions: [position({ qty: -1 })] }, /quantity/],
    ["sellableQty above qty", { cash: 0, debt: 0, positions: [position({ sellableQty: 10_001 })] }, /sellableQty/],
    [
      "bids not best first",
      {
        cash: 0,
        debt: 0,
        positions: [
          position({
            book: {
              bids: [
                [9, 1],
                [10, 1],
              ],
            },
          }),
        ],
      },
      /best/,
    ],
    ["a fractional lot size", { cash: 0, debt: 0, lotSize: 2.5, positions: [] }, /lotSize/],
    ["a symbol twice", { cash: 0, debt: 0, positions: [position(), position()] }, /twice/],
    [
      "over the position cap",
      {
        cash: 0,
        debt: 0,
        positions: Array.from({ length: 2001 }, (_, i) => position({ symbol: `S${i}`, book: undefined })),
      },
      /at most 2000 positions/,
    ],
    ["hedged outside 0..1", { cash: 0, debt: 0, positions: [position({ hedged: 2 })] }, /hedged/],
  ])("400 for %s", async (_, body, message) => {
    const res = await post(body);
    expect(res.status).toBe(400);
    const err = (await res.json()) as { error: { code: string; message: string } };
    expect(err.error.code).toBe("BAD_REQUEST");
    expect(err.error.message).toMatch(message);
  });

  it("the evaluate route refuses a __proto__ key too (zod records used to drop it silently)", async () => {
    const body =
      '{"cash":0,"debt":0,"positions":[],"params":{"base":{"MAIN_BOARD":0.12,"__proto__":0.5},"liquidityMultiplier":{"T1":1},"sigmaRef":{"MAIN_BOARD":0.0015},"sizeTiers":[[null,1]],"imMultiplier":1.5,"lines":{"warning":1.3,"liquidation":1,"hardFloor":0.5,"target":1.5}}}';
    const res = await evaluate(
      new Request("http://localhost/api/v1/risk/evaluate", {
        method: "POST",
        headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
        body,
      }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/__proto__/);
  });

  it("401 for an unknown token", async () => {
    expect((await post({ cash: 0, debt: 0, positions: [] }, "md_not-a-token")).status).toBe(401);
  });

  it("is documented in the OpenAPI document, and a served plan and its body match the documented schemas", async () => {
    expect(Object.keys(openApiDocument.paths)).toContain("/liquidation/plan");
    const op = (openApiDocument.paths as unknown as Record<string, { post: OpenApiOperation }>)["/liquidation/plan"]
      ?.post;
    if (!op) throw new Error("/liquidation/plan is not documented");
    const ajv = new Ajv2020({ strict: false });
    const body = {
      cash: 0,
      debt: 90_000,
      positions: [position({ sellableQty: 6000 }), position({ symbol: "B", book: undefined, hedged: 0.5 })],
    };
    const requestSchema = op.requestBody.content["application/json"]?.schema;
    const responseSchema = op.responses["200"]?.content["application/json"]?.schema;
    if (!requestSchema || !responseSchema)
      throw new Error("/liquidation/plan has no JSON request or 200 response schema");
    expect(ajv.validate(requestSchema, body)).toBe(true);
    const res = await post(body);
    expect(res.status).toBe(200);
    expect(ajv.validate(responseSchema, await res.json()), ajv.errorsText()).toBe(true);
  });
});
