// Sealed channel secrets and signed acknowledge links.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { ackLinkPath, verifyAckToken } from "./ack-link";
import { createSecretBox, parseSecretKey } from "./secret-box";

const key = crypto.randomBytes(32);

describe("secret box (AES-256-GCM)", () => {
  it("opens what it sealed, only with the same channel id; tampering fails; the ciphertext hides the secret", () => {
    const box = createSecretBox(key);
    const sealed = box.seal("https://oapi.dingtalk.com/robot/send?access_token=abc", "ch1");
    expect(sealed).not.toContain("access_token");
    expect(box.open(sealed, "ch1")).toBe("https://oapi.dingtalk.com/robot/send?access_token=abc");
    expect(() => box.open(sealed, "ch2")).toThrow();
    const parts = sealed.split(".");
    const flipped = Buffer.from(parts[3]!, "base64url");
    flipped[0] = flipped[0]! ^ 1;
    expect(() => box.open([parts[0], parts[1], parts[2], flipped.toString("base64url")].join("."), "ch1")).toThrow();
    expect(() => createSecretBox(crypto.randomBytes(32)).open(sealed, "ch1")).toThrow();
    expect(() => parseSecretKey(Buffer.alloc(16).toString("base64"))).toThrow(/32 bytes/);
  });
});

describe("acknowledge links", () => {
  it("verify until expiry; a changed page id or signature fails; malformed input is refused", () => {
    const k = createSecretBox(key).derive("ack-link");
    const path = ackLinkPath(k, "pg1", 1_000, 60_000);
    const q = Object.fromEntries(new URL(path, "http://x").searchParams);
    expect(q.e).toBe("61000");
    expect(verifyAckToken(k, q, 60_999)).toEqual({ ok: true });
    expect(verifyAckToken(k, q, 61_000)).toEqual({ ok: false, reason: "expired" });
    expect(verifyAckToken(k, { ...q, p: "pg2" }, 2_000)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyAckToken(k, { ...q, e: "99999999" }, 2_000)).toEqual({ ok: false, reason: "bad-signature" });
    expect(verifyAckToken(k, { ...q, s: undefined }, 2_000)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyAckToken(k, { ...q, e: "1e9" }, 2_000)).toEqual({ ok: false, reason: "malformed" });
    expect(verifyAckToken(k, { ...q, p: "x\u0000".repeat(40) }, 2_000)).toEqual({ ok: false, reason: "malformed" });
  });
});
