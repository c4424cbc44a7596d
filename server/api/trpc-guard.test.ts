// The tRPC endpoint's transport rules, on plain Request objects.
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { bodyCapFor, guardTrpcRequest, TRPC_BODY_CAPS } from "./trpc-guard";

const url = "http://localhost:3000/api/trpc/";
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "passed",
    (e: unknown) => (isAppError(e) ? e.code : String(e)),
  );

describe("tRPC guard", () => {
  it("passes a same-origin JSON mutation and hands on the same body", async () => {
    const req = new Request(`${url}risk.proposeParams`, {
      method: "POST",
      body: '{"json":{}}',
      headers: { "content-type": "application/json", origin: "http://localhost:3000" },
    });
    expect(await (await guardTrpcRequest(req)).text()).toBe('{"json":{}}');
  });

  it.each([
    ["text/plain", "UNSUPPORTED_MEDIA_TYPE"],
    ["application/x-www-form-urlencoded", "UNSUPPORTED_MEDIA_TYPE"],
    ["application/octet-stream", "UNSUPPORTED_MEDIA_TYPE"],
  ])("refuses a %s mutation body", async (type, code) => {
    expect(
      await codeOf(
        guardTrpcRequest(new Request(`${url}x.y`, { method: "POST", body: "a=1", headers: { "content-type": type } })),
      ),
    ).toBe(code);
  });

  it("refuses cross-site requests by Sec-Fetch-Site and by Origin; scripts without either pass", async () => {
    const post = (headers: Record<string, string>) =>
      new Request(`${url}x.y`, {
        method: "POST",
        body: "{}",
        headers: { "content-type": "application/json", ...headers },
      });
    expect(await codeOf(guardTrpcRequest(post({ "sec-fetch-site": "same-site" })))).toBe("FORBIDDEN");
    expect(await codeOf(guardTrpcRequest(post({ origin: "http://localhost:3001" })))).toBe("FORBIDDEN");
    expect(await codeOf(guardTrpcRequest(post({ origin: "null" })))).toBe("FORBIDDEN");
    expect(await codeOf(guardTrpcRequest(post({})))).toBe("passed");
  });

  it("refuses a NUL character in a query's input", async () => {
    const input = encodeURIComponent(JSON.stringify({ json: { id: "A\u0000B" } }));
    expect(await codeOf(guardTrpcRequest(new Request(`${url}accounts.risk?input=${input}`)))).toBe("BAD_REQUEST");
  });

  it("gives a batch the largest documented cap of its procedures, 1 MB otherwise", () => {
    expect(bodyCapFor(["a.b", "c.d"])).toBe(1024 * 1024);
    (TRPC_BODY_CAPS as Record<string, number>)["files.upload"] = 8 * 1024 * 1024;
    expect(bodyCapFor(["a.b", "files.upload"])).toBe(8 * 1024 * 1024);
    delete (TRPC_BODY_CAPS as Record<string, number>)["files.upload"];
    expect(bodyCapFor(["constructor"])).toBe(1024 * 1024);
  });
});
