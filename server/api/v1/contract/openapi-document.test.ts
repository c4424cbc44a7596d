// The generated v1 document: the limits the validators enforce appear in it, every operation has an
// operationId, tags and its error statuses, and every route file under app/api/v1 is declared.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openApiDocument } from "../openapi";
import { v1Operations } from "../operations";

type Schema = { properties: Record<string, Schema>; items: Schema } & Record<string, unknown>;
type Op = {
  operationId: string;
  tags: string[];
  parameters?: Array<{ name: string }>;
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: unknown[];
};
const paths = openApiDocument.paths as unknown as Record<string, Record<string, Op>>;
const op = (p: string, m: string): Op => {
  const o = paths[p]?.[m];
  if (!o) throw new Error(`${m} ${p} is not documented`);
  return o;
};
const body = (p: string) => {
  const s = op(p, "post").requestBody?.content["application/json"].schema;
  if (!s) throw new Error(`${p} has no body`);
  return s;
};

describe("the generated v1 OpenAPI document", () => {
  it("GET /liquidation/tickets: the status/since/limit query and the contract's fields", () => {
    const tickets = op("/liquidation/tickets", "get");
    expect(tickets.parameters?.map((p) => p.name)).toEqual(["status", "since", "limit"]);
    const item = tickets.responses["200"]?.content?.["application/json"]?.schema.items as unknown as {
      required: string[];
      properties: Record<string, unknown>;
    };
    // DESIGN 10: [{id, accountId, status, urgency, createdAt, deadline, legs, fills, realizedSlippageBps, shortfall}]
    expect(item.required).toEqual([
      "id",
      "accountId",
      "status",
      "urgency",
      "createdAt",
      "deadline",
      "legs",
      "fills",
      "realizedSlippageBps",
      "shortfall",
    ]);
    expect(item.properties.urgency).toMatchObject({ enum: ["LIQUIDATION", "HARD_FLOOR", "CALL_EXPIRED"] });
    // No body and no compute: 400 (bad query or a NUL in the URL), 401, 403, 500.
    expect(Object.keys(tickets.responses).sort()).toEqual(["200", "400", "401", "403", "500"]);
  });

  it("states the limits the validators enforce", () => {
    const evaluate = body("/risk/evaluate");
    expect(evaluate.properties.positions).toMatchObject({ maxItems: 5000 });
    expect(evaluate.properties.positions?.items.properties.symbol).toMatchObject({ minLength: 1, maxLength: 32 });
    expect(Object.keys(evaluate.properties.params?.properties ?? {})).toEqual(
      expect.arrayContaining(["fundingAddOn", "marginCallMinutes", "liquidation"]),
    );
    expect(evaluate.properties.params?.properties.base).toMatchObject({ maxProperties: 64 });
    expect(body("/liquidation/plan").properties.positions).toMatchObject({ maxItems: 2000 });
    const closes = body("/indicators/volatility").properties.closes;
    expect(closes).toMatchObject({ minItems: 2, maxItems: 100_000, items: { exclusiveMinimum: 0 } });
    expect(body("/detectors/bocpd").properties.prior?.properties.kappa0).toMatchObject({ exclusiveMinimum: 0 });
    expect(body("/detectors/cusum").properties.series).toMatchObject({ minItems: 1, maxItems: 100_000 });
  });

  it("names every operation, tags it, and documents 4xx and 500 for every authenticated one", () => {
    const ids: string[] = [];
    for (const [p, item] of Object.entries(paths)) {
      for (const [m, o] of Object.entries(item)) {
        ids.push(o.operationId);
        expect(o.tags.length, `${m} ${p}`).toBeGreaterThan(0);
        expect(Object.keys(o.responses), `${m} ${p}`).toContain("500");
        if (o.security?.length !== 0)
          expect(
            Object.keys(o.responses).some((s) => s.startsWith("4")),
            `${m} ${p}`,
          ).toBe(true);
        if (o.requestBody)
          expect(Object.keys(o.responses), `${m} ${p}`).toEqual(expect.arrayContaining(["413", "415"]));
      }
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("documents both session cookie names next-auth uses (http, and __Secure- over https)", () => {
    const schemes = openApiDocument.components.securitySchemes;
    expect(schemes.session.name).toBe("next-auth.session-token");
    expect(schemes.secureSession.name).toBe("__Secure-next-auth.session-token");
  });

  it("declares an operation for every route file under app/api/v1", () => {
    const root = path.join(process.cwd(), "app/api/v1");
    const routes: string[] = [];
    const walk = (dir: string) => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        if (e.isDirectory()) walk(path.join(dir, e.name));
        else if (e.name === "route.ts") routes.push(path.relative(root, dir));
      }
    };
    walk(root);
    // The catch-all (404 envelope) and the document itself are not operations.
    const served = routes
      .filter((r) => r !== "[...path]" && r !== "openapi.json")
      .map((r) => `/${r.replace(/\[(\w+)\]/g, "{$1}")}`)
      .sort();
    expect(served).toEqual([...new Set(v1Operations.map((o) => o.path))].sort());
  });
});
