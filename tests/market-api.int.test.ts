// DESIGN 10 detector and indicator endpoints: the request bodies the route handlers parse
// (parseJsonBody + the zod schemas: a bad series is a 400 with the error envelope, nothing computed)
// and the results they return. The HTTP round trip with authentication is in e2e/market.spec.ts.
import { ZodError } from "zod";
import { describe, expect, it } from "vitest";
import { parseJsonBody } from "@/server/api/v1/http";
import { openApiDocument } from "@/server/api/v1/openapi";
import {
  bocpdBody,
  computeVolatility,
  cusumBody,
  detectBocpd,
  detectCusum,
  volatilityBody,
} from "@/server/market/detectors/detector-api";
import { AppError } from "@/server/errors";

const post = (body: string) =>
  new Request("http://localhost/api/v1/x", { method: "POST", body, headers: { "content-type": "application/json" } });

describe("POST /api/v1/detectors/cusum, /detectors/bocpd, /indicators/volatility", () => {
  it("cusum: the DESIGN 10 recursion on a parsed body", async () => {
    const body = await parseJsonBody(
      post(JSON.stringify({ series: [2, 2, 0, -2, -2.5], mean: 0, sd: 1, k: 0.5, h: 2 })),
      cusumBody,
    );
    expect(detectCusum(body)).toEqual({ alarms: [1, 4], direction: ["up", "down"] });
  });

  it("bocpd: one run-length figure per point; a step is found", async () => {
    const series = [
      ...Array.from({ length: 50 }, (_, i) => (i % 2 ? 0.1 : -0.1)),
      ...Array.from({ length: 30 }, (_, i) => (i % 2 ? 5.1 : 4.9)),
    ];
    const body = await parseJsonBody(
      post(
        JSON.stringify({ series, hazard: 0.01, prior: { mu0: 0, kappa0: 1, alpha0: 1, beta0: 1 }, maxRunLength: 200 }),
      ),
      bocpdBody,
    );
    const r = detectBocpd(body);
    expect(r.runLengthMap).toHaveLength(80);
    expect(r.expectedRunLength).toHaveLength(80);
    expect(r.runLengthMap[45]).toBeGreaterThan(30);
    expect(r.runLengthMap[79]).toBeLessThan(35);
  });

  it("volatility: EWMA per return, hand-worked", async () => {
    const body = await parseJsonBody(
      post(JSON.stringify({ closes: [100, 101, 99, 102], lambda: 0.94 })),
      volatilityBody,
    );
    const { ewma } = computeVolatility(body);
    expect(ewma).toHaveLength(3);
    expect(ewma[2]).toBeCloseTo(0.012787411596605, 12);
  });

  it.each([
    ["empty series", cusumBody, { series: [], mean: 0, sd: 1, k: 0.5, h: 4 }],
    ["non-numeric series", cusumBody, { series: [1, "x"], mean: 0, sd: 1, k: 0.5, h: 4 }],
    ["NaN in the series (null in JSON)", cusumBody, { series: [1, null], mean: 0, sd: 1, k: 0.5, h: 4 }],
    ["sd <= 0", cusumBody, { series: [1], mean: 0, sd: 0, k: 0.5, h: 4 }],
    ["hazard 0", bocpdBody, { series: [1], hazard: 0 }],
    ["hazard 1", bocpdBody, { series: [1], hazard: 1 }],
    ["empty bocpd series", bocpdBody, { series: [], hazard: 0.1 }],
    ["one close", volatilityBody, { closes: [10] }],
    ["a zero close", volatilityBody, { closes: [10, 0] }],
    ["lambda 1", volatilityBody, { closes: [10, 11], lambda: 1 }],
  ] as const)("400 for %s", async (_, schema, body) => {
    await expect(parseJsonBody(post(JSON.stringify(body)), schema as typeof cusumBody)).rejects.toBeInstanceOf(
      ZodError,
    );
  });

  it("400 for a body that is not JSON", async () => {
    await expect(parseJsonBody(post("{nope"), cusumBody)).rejects.toBeInstanceOf(AppError);
  });

  it("is documented in the OpenAPI document", () => {
    expect(Object.keys(openApiDocument.paths)).toEqual(
      expect.arrayContaining(["/detectors/cusum", "/detectors/bocpd", "/indicators/volatility"]),
    );
  });
});
