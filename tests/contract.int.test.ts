// Contract test of the v1 API: for every operation in the served document (GET /api/v1/openapi.json),
// inputs generated from the document are sent to the real route handlers in-process. Valid inputs
// must be accepted (2xx, or a documented non-400 answer such as 404 for an unknown id), single-
// constraint violations must get 400 with the error envelope, every answer's status must be
// documented for the operation and its body must match the documented schema (ajv), and nothing
// answers 5xx unless the document says so (readiness's 503 while the instance is not ready).
//
// Rules a JSON Schema cannot state are listed in each operation's description; the generator
// keeps them in `respectCrossFieldRules` below (one repair per rule), so a refusal of a generated
// valid input is a real drift between document and validator.
import { Ajv2020, type ValidateFunction } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as accountRisk } from "@/app/api/v1/accounts/[id]/risk/route";
import { GET as auditVerify } from "@/app/api/v1/audit/verify/route";
import { POST as capitalEuler } from "@/app/api/v1/capital/euler/route";
import { POST as lending } from "@/app/api/v1/lending/route";
import { POST as surveillanceEvaluate } from "@/app/api/v1/surveillance/evaluate/route";
import { POST as bocpd } from "@/app/api/v1/detectors/bocpd/route";
import { POST as cusum } from "@/app/api/v1/detectors/cusum/route";
import { GET as health } from "@/app/api/v1/health/route";
import { GET as ready } from "@/app/api/v1/health/ready/route";
import { POST as volatility } from "@/app/api/v1/indicators/volatility/route";
import { POST as plan } from "@/app/api/v1/liquidation/plan/route";
import { GET as tickets } from "@/app/api/v1/liquidation/tickets/route";
import { GET as metrics } from "@/app/api/v1/metrics/route";
import { GET as servedDocument } from "@/app/api/v1/openapi.json/route";
import { POST as paymentsCallback } from "@/app/api/v1/payments/callback/route";
import { GET as reportCsv } from "@/app/api/v1/reports/[id]/csv/route";
import { GET as reportPdf } from "@/app/api/v1/reports/[id]/pdf/route";
import { POST as evaluate } from "@/app/api/v1/risk/evaluate/route";
import { GET as stressScenarios } from "@/app/api/v1/stress/scenarios/route";
import { POST as stressStartRun } from "@/app/api/v1/stress/runs/route";
import { GET as stressRun } from "@/app/api/v1/stress/runs/[id]/route";
import { createOwnApiToken } from "@/server/auth/api-tokens";
import { signCallback } from "@/server/payments/callback";
import { DEFAULT_RISK_PARAMS } from "@/server/risk/margin/risk-params";
import { ensureDefaultParams } from "@/server/risk/params/param-service";
import { closeComputePool } from "@/server/workers/compute-pool";
import { createUser } from "./helpers/fixtures";
import { installTestRuntime } from "./helpers/route-runtime";
import { applyMutation, invalidMutations, validArb, type Schema } from "./helpers/schema-inputs";
import { BACKENDS, createTestDatabase, type TestDatabase } from "./helpers/test-db";

const BASE = "http://localhost:3000/api/v1";
/** Runs per operation: generated valid inputs, and invalid ones (mutations of further valid inputs). */
const VALID_RUNS = 20;
const INVALID_RUNS = 20;
const SEED = 20261202;
const CALLBACK_SECRET = "contract-test-callback-secret-0123456789abcdef";

type Handler = (req: Request) => Promise<Response> | Response;
/**
 * Answers other than 2xx that a valid, authorised input may get: an id or reference the generator
 * made up is not found (404) or not in a state for it (409); readiness is 503 until the instance
 * boots, which a test runtime never does. Anything else (401, 403, 400, 5xx) is a failure.
 */
const VALID_NON_2XX: Record<string, number[]> = {
  getAccountRisk: [404],
  receivePaymentCallback: [404, 409],
  getReadiness: [503],
  getReportPdf: [404],
  getReportCsv: [404],
  startStressRun: [404],
  requestLending: [404],
  getStressRun: [404],
};
/** Every operation of the document needs its handler here; a new route that is not wired fails the test. */
const HANDLERS: Record<string, Handler> = {
  "post /detectors/cusum": cusum,
  "post /detectors/bocpd": bocpd,
  "post /indicators/volatility": volatility,
  "post /risk/evaluate": evaluate,
  "get /accounts/{id}/risk": accountRisk,
  "post /liquidation/plan": plan,
  "get /liquidation/tickets": tickets,
  "post /payments/callback": paymentsCallback,
  "post /capital/euler": capitalEuler,
  "post /lending": lending,
  "post /surveillance/evaluate": surveillanceEvaluate,
  "get /reports/{id}/pdf": reportPdf,
  "get /reports/{id}/csv": reportCsv,
  "get /health": health,
  "get /health/ready": ready,
  "get /metrics": metrics,
  "get /audit/verify": auditVerify,
  "get /stress/scenarios": stressScenarios,
  "post /stress/runs": stressStartRun,
  "get /stress/runs/{id}": stressRun,
};

interface Parameter {
  name: string;
  in: "path" | "query" | "header";
  required: boolean;
  schema: Schema;
}
interface Operation {
  operationId: string;
  parameters?: Parameter[];
  requestBody?: { content: { "application/json": { schema: Schema } } };
  responses: Record<string, { content?: Record<string, { schema: Schema }> }>;
  security?: unknown[];
}
interface Input {
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  body?: unknown;
}

type Json = Record<string, unknown>;
const isObj = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/** The cross-field rules each operation's description states, kept by the valid-input generator. */
function respectCrossFieldRules(operationId: string, input: Input): Input {
  const body = input.body;
  if ((operationId === "evaluateRisk" || operationId === "planLiquidation") && isObj(body)) {
    const out: Json = { ...body };
    // Supplied params must pass listParamProblems (ascending tiers, line order, ...): use a valid set.
    // Asset classes and tiers are drawn from the documented examples, which are its keys.
    if ("params" in out) out.params = DEFAULT_RISK_PARAMS;
    if (Array.isArray(out.positions)) {
      out.positions = (out.positions as Json[]).map((p, i) => {
        const q: Json = { ...p, symbol: `${String(p.symbol).slice(0, 28)}~${i}` }; // one position per symbol
        if (typeof q.sellableQty === "number" && typeof q.qty === "number")
          q.sellableQty = Math.min(q.sellableQty, q.qty);
        if (isObj(q.book) && Array.isArray(q.book.bids)) {
          // bids best (highest price) first
          q.book = { ...q.book, bids: [...(q.book.bids as number[][])].sort((a, b) => (b[0] ?? 0) - (a[0] ?? 0)) };
        }
        return q;
      });
    }
    return { ...input, body: out };
  }
  if (operationId === "allocateExpectedShortfall" && isObj(body) && Array.isArray(body.losses)) {
    // Every scenario has as many units as the first (the description's rule): pad with 0 or cut.
    const rows = body.losses as number[][];
    const m = rows[0]?.length ?? 1;
    const losses = rows.map((r) => Array.from({ length: m }, (_, j) => r[j] ?? 0));
    return { ...input, body: { ...body, losses } };
  }
  return input;
}

describe.each(BACKENDS)("v1 contract on %s: generated inputs against the served document", (kind) => {
  let t: TestDatabase;
  let uninstall: () => void;
  let bearer = "";
  let adminBearer = "";
  let riskBearer = "";
  let doc: { paths: Record<string, Record<string, Operation>>; components: { schemas: { Error: Schema } } };
  const ajv = new Ajv2020({ strict: false, allErrors: false, multipleOfPrecision: 9 });
  addFormats.default(ajv);

  beforeAll(async () => {
    t = await createTestDatabase(kind);
    uninstall = installTestRuntime(t.db, { PAYMENTS_CALLBACK_SECRET: CALLBACK_SECRET });
    await ensureDefaultParams(t.db.prisma);
    // AUDITOR: any role for the calculators, and risk.view, liquidation.view and audit.verify.
    const auditor = await createUser(t.db, "AUDITOR");
    bearer = (await createOwnApiToken(t.db.prisma, auditor, { name: "contract test", scopes: ["read"] })).token;
    // Metrics are for ADMIN only.
    const admin = await createUser(t.db, "ADMIN");
    adminBearer = (await createOwnApiToken(t.db.prisma, admin, { name: "contract test", scopes: ["read"] })).token;
    // Starting a stress run and asking for new lending are RISK or MANAGER with the write scope.
    const risk = await createUser(t.db, "RISK");
    riskBearer = (await createOwnApiToken(t.db.prisma, risk, { name: "contract test", scopes: ["read", "write"] }))
      .token;
    doc = (await (await servedDocument()).json()) as typeof doc;
  });
  afterAll(async () => {
    uninstall();
    await closeComputePool();
    await t.drop();
  });

  const compiled = new Map<object, ValidateFunction>();
  const validator = (schema: Schema): ValidateFunction => {
    let v = compiled.get(schema);
    if (!v) {
      // The one $ref the document uses is the error envelope.
      const resolved = JSON.parse(
        JSON.stringify(schema).replaceAll(
          '{"$ref":"#/components/schemas/Error"}',
          JSON.stringify(doc.components.schemas.Error),
        ),
      ) as Schema;
      v = ajv.compile(resolved);
      compiled.set(schema, v);
    }
    return v;
  };

  function buildRequest(path: string, method: string, op: Operation, input: Input, auth = true): Request {
    const url = new URL(
      BASE +
        path.replace(/\{(\w+)\}/g, (_m, name: string) =>
          input.params[name] === undefined ? "" : encodeURIComponent(String(input.params[name])),
        ),
    );
    for (const [k, v] of Object.entries(input.query)) if (v !== undefined) url.searchParams.set(k, String(v));
    const headers: Record<string, string> = { "x-forwarded-for": "192.0.2.10" };
    // Unauthenticated calls send a token no one issued: in-process there is no Next request scope for
    // next-auth's cookie lookup, and an unknown token takes the same 401 path as no credentials.
    if (op.security?.length !== 0)
      headers.authorization = `Bearer ${
        !auth
          ? "md_not-a-token"
          : op.operationId === "getMetrics"
            ? adminBearer
            : op.operationId === "startStressRun" || op.operationId === "requestLending"
              ? riskBearer
              : bearer
      }`;
    let body: string | undefined;
    if (op.requestBody) {
      body = JSON.stringify(input.body);
      headers["content-type"] = "application/json";
      if (op.parameters?.some((p) => p.in === "header" && p.name === "X-Signature"))
        headers["x-signature"] = signCallback(body, CALLBACK_SECRET);
    }
    return new Request(url, { method: method.toUpperCase(), headers, body });
  }

  /** Problems with one answer: an undocumented status, a body off its schema, a 5xx. */
  async function checkAnswer(op: Operation, res: Response): Promise<string[]> {
    const problems: string[] = [];
    const status = String(res.status);
    const documented = op.responses[status];
    if (!documented) problems.push(`status ${status} is not documented`);
    if (res.status >= 500 && !(op.operationId === "getReadiness" && res.status === 503))
      problems.push(`answered ${status}`);
    const [mediaType, content] = Object.entries(documented?.content ?? {})[0] ?? [];
    if (content && mediaType === "application/json") {
      const json: unknown = await res.json();
      const v = validator(content.schema);
      if (!v(json))
        problems.push(
          `body off the ${status} schema: ${ajv.errorsText(v.errors)}: ${JSON.stringify(json).slice(0, 300)}`,
        );
    } else if (content) {
      expect(res.headers.get("content-type") ?? "").toContain(mediaType?.split(";")[0] ?? "");
    }
    return problems;
  }

  function inputArb(op: Operation): fc.Arbitrary<Input> {
    const fields = (where: "path" | "query") =>
      Object.fromEntries((op.parameters ?? []).filter((p) => p.in === where).map((p) => [p.name, p]));
    const rec = (ps: Record<string, Parameter>) =>
      fc.record(Object.fromEntries(Object.entries(ps).map(([k, p]) => [k, validArb(p.schema)])), {
        requiredKeys: Object.values(ps)
          .filter((p) => p.required)
          .map((p) => p.name),
      }) as fc.Arbitrary<Record<string, unknown>>;
    const body = op.requestBody ? validArb(op.requestBody.content["application/json"].schema) : fc.constant(undefined);
    return fc
      .record({ params: rec(fields("path")), query: rec(fields("query")), body })
      .map((i) => respectCrossFieldRules(op.operationId, i as Input));
  }

  /** Single-constraint violations of an input, kept only when the document's own schemas refuse them. */
  function invalidInputs(op: Operation, input: Input): Array<{ what: string; input: Input }> {
    const out: Array<{ what: string; input: Input }> = [];
    for (const p of op.parameters ?? []) {
      if (p.in === "header") continue;
      const bag: "params" | "query" = p.in === "path" ? "params" : "query";
      const current: Record<string, unknown> = input[bag];
      const value = current[p.name];
      const wrap = { type: "object", properties: { [p.name]: p.schema }, required: p.required ? [p.name] : [] };
      for (const m of invalidMutations(wrap, { [p.name]: value }).filter(
        (m) => m.path.length > 0 || m.op === "delete",
      )) {
        const next = applyMutation({ [p.name]: value }, m) as Record<string, unknown>;
        // A URL carries text: a number where a string is expected is still a valid string.
        const asText: Record<string, string | undefined> = {};
        for (const [k, v] of Object.entries(next)) asText[k] = v === undefined ? undefined : String(v);
        if (validator(wrap)(asText)) continue;
        if (p.in === "path" && next[p.name] === undefined && p.required) {
          out.push({ what: `path ${p.name} empty`, input: { ...input, params: { ...input.params, [p.name]: "" } } });
          continue;
        }
        out.push({
          what: `${p.in} ${m.what}`,
          input: {
            ...input,
            [bag]: Object.assign({}, current, asText),
          },
        });
      }
    }
    if (op.requestBody) {
      const schema = op.requestBody.content["application/json"].schema;
      for (const m of invalidMutations(schema, input.body)) {
        const body = applyMutation(input.body, m);
        if (validator(schema)(body)) continue;
        out.push({ what: `body ${m.what}`, input: { ...input, body } });
      }
    }
    return out;
  }

  it("every v1 operation: valid inputs accepted, invalid ones refused with 400, answers as documented", async () => {
    const failures: string[] = [];
    const counts = { operations: 0, valid: 0, invalid: 0, generatorMisses: 0 };
    const statuses: Record<number, number> = {};
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        counts.operations++;
        const handler = HANDLERS[`${method} ${path}`];
        if (!handler) {
          failures.push(`${method.toUpperCase()} ${path}: no handler wired in the contract test`);
          continue;
        }
        const name = `${method.toUpperCase()} ${path}`;
        const bodySchema = op.requestBody?.content["application/json"].schema;
        const samples = fc.sample(inputArb(op), { numRuns: VALID_RUNS + INVALID_RUNS, seed: SEED });
        for (const [i, input] of samples.entries()) {
          if (bodySchema && !validator(bodySchema)(input.body)) {
            counts.generatorMisses++; // the generator drew something the document refuses: not a route problem
            continue;
          }
          if (i < VALID_RUNS) {
            counts.valid++;
            const res = await handler(buildRequest(path, method, op, input));
            const problems = await checkAnswer(op, res.clone());
            statuses[res.status] = (statuses[res.status] ?? 0) + 1;
            if (!res.ok && !(VALID_NON_2XX[op.operationId] ?? []).includes(res.status))
              problems.push(`valid input answered ${res.status}: ${JSON.stringify(await res.json()).slice(0, 300)}`);
            if (problems.length)
              failures.push(`${name} valid ${JSON.stringify(input).slice(0, 300)}: ${problems.join("; ")}`);
            continue;
          }
          const mutations = invalidInputs(op, input);
          if (mutations.length === 0) continue;
          const pick = mutations[(i * 7919) % mutations.length];
          if (!pick) continue;
          counts.invalid++;
          const req = buildRequest(path, method, op, pick.input);
          const size = pick.input.body === undefined ? 0 : Buffer.byteLength(JSON.stringify(pick.input.body));
          const res = await handler(req);
          const problems = await checkAnswer(op, res.clone());
          // A "too many items" body can outgrow the byte cap: then 413 is the right refusal.
          const expected = size > 1024 * 1024 ? 413 : 400;
          if (res.status !== expected) problems.push(`expected ${expected}, got ${res.status}`);
          else {
            const env = (await res.json()) as { error?: { code?: string; message?: string } };
            if (!env.error?.code || !env.error.message) problems.push("no error envelope");
          }
          if (problems.length) failures.push(`${name} invalid (${pick.what}): ${problems.join("; ")}`);
        }
        // Without valid credentials: 401 with the envelope, as documented.
        if (op.security?.length !== 0) {
          const res = await handler(buildRequest(path, method, op, samples[0] ?? { params: {}, query: {} }, false));
          const problems = await checkAnswer(op, res);
          if (res.status !== 401) problems.push(`anonymous call answered ${res.status}`);
          if (problems.length) failures.push(`${name} anonymous: ${problems.join("; ")}`);
        }
      }
    }
    console.info(
      `v1 contract (${kind}): ${JSON.stringify(counts)}, valid-input statuses ${JSON.stringify(statuses)}, failures ${failures.length}`,
    );
    expect(failures.slice(0, 15)).toEqual([]);
    expect(counts.operations).toBe(Object.keys(HANDLERS).length);
  });

  it("every operation with a body: 415 when it is not JSON, 413 over its cap, both documented with the envelope", async () => {
    const failures: string[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const handler = HANDLERS[`${method} ${path}`];
        if (!op.requestBody || !handler) continue;
        const cap = /at most ([\d,]+) bytes/.exec(JSON.stringify(op))?.[1]?.replaceAll(",", "");
        const base = buildRequest(path, method, op, { params: {}, query: {}, body: {} });
        const headers = Object.fromEntries(base.headers.entries());
        headers["x-signature"] ??= "0".repeat(64);
        const cases: Array<[number, RequestInit]> = [
          [415, { method: "POST", headers: { ...headers, "content-type": "text/plain" }, body: "{}" }],
          [413, { method: "POST", headers, body: " ".repeat(Number(cap ?? 1024 * 1024) + 1) }],
        ];
        for (const [expected, init] of cases) {
          const res = await handler(new Request(base.url, init));
          const problems = await checkAnswer(op, res.clone());
          if (res.status !== expected) problems.push(`expected ${expected}, got ${res.status}`);
          if (problems.length) failures.push(`${method.toUpperCase()} ${path}: ${problems.join("; ")}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("inputs so small that a ratio overflows are a 400 naming the problem, never a 500", async () => {
    // 1e6 / 1e-320 overflows a double (> 1.8e308): the return ln(c_t / c_{t-1}) is not finite.
    const vol = await volatility(
      buildRequest("/indicators/volatility", "post", doc.paths["/indicators/volatility"]?.post as Operation, {
        params: {},
        query: {},
        body: { closes: [1e-320, 1e6] },
      }),
    );
    expect(vol.status).toBe(400);
    expect(((await vol.json()) as { error: { message: string } }).error.message).toMatch(/too large to compute/);
    // coverageRatio = assets / debt = 1e6 / 1e-320 overflows in the same way.
    const ev = await evaluate(
      buildRequest("/risk/evaluate", "post", doc.paths["/risk/evaluate"]?.post as Operation, {
        params: {},
        query: {},
        body: { cash: 1e6, debt: 1e-320, positions: [] },
      }),
    );
    expect(ev.status).toBe(400);
    expect(((await ev.json()) as { error: { message: string } }).error.message).toMatch(/too large to compute/);
  });
});
