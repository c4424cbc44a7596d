// The request wrapper: a caller's sane X-Request-Id is kept, otherwise a new one is made; either
// way it is echoed, and a handler that throws becomes a 500 envelope naming the id (no internals).
import { describe, expect, it } from "vitest";
import { metrics } from "../metrics/registry";
import { observeRequest } from "./observe-request";

describe("observeRequest", () => {
  it("echoes the caller's request id and observes the route's latency", async () => {
    const handler = observeRequest(async (_req, scope) => Response.json({ id: scope.requestId }));
    const res = await handler(
      new Request("http://localhost/api/v1/health", { headers: { "x-request-id": "lb-1234abcd" } }),
    );
    expect(res.headers.get("x-request-id")).toBe("lb-1234abcd");
    expect(await res.json()).toEqual({ id: "lb-1234abcd" });
    const text = await metrics().registry.getSingleMetricAsString("minute_desk_http_request_duration_seconds");
    expect(text).toContain(
      `minute_desk_http_request_duration_seconds_count{route="/api/v1/health",method="GET",status="200"}`,
    );
  });

  it("replaces an unsafe request id and turns a throw into a 500 with the id, not the error", async () => {
    const handler = observeRequest(async () => {
      throw new Error('relation "Secret" does not exist');
    });
    const res = await handler(
      new Request("http://localhost/api/v1/nowhere", { headers: { "x-request-id": "<script>" } }),
    );
    const id = res.headers.get("x-request-id") ?? "";
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string; ref: string } };
    expect(body.error.code).toBe("INTERNAL_SERVER_ERROR");
    expect(body.error.ref).toBe(id);
    expect(body.error.message).toContain(id);
    expect(body.error.message).not.toContain("Secret");
  });
});
