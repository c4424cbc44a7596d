// The next-auth route (sign-in, sign-out) reads its body capped like every other route: an
// oversized post gets 413 before next-auth (or a password hash) runs, and the throttle still reads
// the email from the capped body.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { DEFAULT_SIGN_IN_LIMITS, getSignInThrottle } from "@/server/auth/sign-in-throttle";
import { installTestRuntime } from "./helpers/route-runtime";
import { createTestDatabase, type TestDatabase } from "./helpers/test-db";

const ctx = { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) };
const url = "http://localhost:3000/api/auth/callback/credentials";
const form = { "content-type": "application/x-www-form-urlencoded" };

describe("POST /api/auth/*", () => {
  let t: TestDatabase;
  let uninstall: () => void;
  beforeAll(async () => {
    t = await createTestDatabase("pglite");
    uninstall = installTestRuntime(t.db);
  });
  afterAll(async () => {
    uninstall();
    await t.drop();
  });

  it("refuses a body over 16 KB by its Content-Length: 413 with the envelope", async () => {
    const body = `email=a%40b.test&password=${"x".repeat(20_000)}`;
    const res = await POST(
      new NextRequest(url, { method: "POST", headers: { ...form, "content-length": String(body.length) }, body }),
      ctx,
    );
    expect(res.status).toBe(413);
    const json = (await res.json()) as { error: { code: string; message: string } };
    expect(json.error.code).toBe("PAYLOAD_TOO_LARGE");
    expect(json.error.message).toMatch(/16 KB/);
  });

  it("stops reading a streamed body with no Content-Length at 16 KB", async () => {
    let pulled = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (pulled >= 10 * 1024 * 1024) return controller.close();
        pulled += 4096;
        controller.enqueue(new Uint8Array(4096).fill(0x61));
      },
    });
    const res = await POST(new NextRequest(url, { method: "POST", headers: form, body: stream, duplex: "half" }), ctx);
    expect(res.status).toBe(413);
    expect(pulled).toBeLessThan(64 * 1024);
  });

  it("an account over the throttle gets 429 with Retry-After, its email read from the capped body", async () => {
    const email = `throttled.${Date.now()}@bank.test`;
    const throttle = getSignInThrottle(t.db.prisma);
    for (let i = 0; i <= DEFAULT_SIGN_IN_LIMITS.perAccount; i += 1) await throttle.consume(null, email).catch(() => {});
    const body = new URLSearchParams({ email: email.toUpperCase(), password: "wrong", csrfToken: "x" }).toString();
    const res = await POST(new NextRequest(url, { method: "POST", headers: form, body }), ctx);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await res.json()) as { error: string }).error).toBe("rate_limited");
  });
});
