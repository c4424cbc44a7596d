// P1 bank callback signatures: HMAC-SHA256 (RFC 4231 test case 2) and refusal of anything else.
import { describe, expect, it } from "vitest";
import { resolveCallbackSecret, signCallback, verifyCallbackSignature } from "./callback";

describe("callback signature", () => {
  it("matches RFC 4231 test case 2 (key 'Jefe')", () => {
    expect(signCallback("what do ya want for nothing?", "Jefe")).toBe(
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    );
  });
  it("accepts the right signature and refuses a wrong, missing, malformed or body-altered one", () => {
    const secret = "s".repeat(32);
    const body = '{"kind":"withdrawal","reference":"WD-1","outcome":"SETTLED"}';
    const sig = signCallback(body, secret);
    expect(verifyCallbackSignature(body, sig, secret)).toBe(true);
    expect(verifyCallbackSignature(body, sig.toUpperCase(), secret)).toBe(true);
    expect(verifyCallbackSignature(body.replace("SETTLED", "FAILED"), sig, secret)).toBe(false);
    expect(verifyCallbackSignature(body, signCallback(body, "t".repeat(32)), secret)).toBe(false);
    expect(verifyCallbackSignature(body, null, secret)).toBe(false);
    expect(verifyCallbackSignature(body, "abc", secret)).toBe(false);
  });
  it("requires a configured secret of 32+ characters outside demo mode; demo derives a stable one", () => {
    expect(() => resolveCallbackSecret({ demo: false, configured: undefined, authSecret: () => "x" })).toThrow(
      /not configured/,
    );
    expect(() => resolveCallbackSecret({ demo: false, configured: "short", authSecret: () => "x" })).toThrow(
      /32 characters/,
    );
    expect(resolveCallbackSecret({ demo: false, configured: "k".repeat(40), authSecret: () => "x" })).toBe(
      "k".repeat(40),
    );
    const a = resolveCallbackSecret({ demo: true, configured: undefined, authSecret: () => "auth" });
    expect(a).toMatch(/^[0-9a-f]{64}$/);
    expect(resolveCallbackSecret({ demo: true, configured: "", authSecret: () => "auth" })).toBe(a);
  });
});
