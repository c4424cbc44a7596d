// Signed acknowledge links: the message carries a link that lets the paged person acknowledge
// without signing in. HMAC-SHA256 over "pageId.expiresAt" with a key derived from the on-call key;
// links expire (24 h by default). Opening the link shows a confirmation; only its POST acts, so a
// chat app that previews links never acknowledges by itself.
import crypto from "node:crypto";

export const ACK_LINK_TTL_MS = 24 * 3_600_000;

export function signAckToken(key: Buffer, pageId: string, expiresAt: number): string {
  return crypto.createHmac("sha256", key).update(`${pageId}.${expiresAt}`).digest("base64url");
}

export function ackLinkPath(key: Buffer, pageId: string, now: number, ttlMs = ACK_LINK_TTL_MS): string {
  const e = now + ttlMs;
  const q = new URLSearchParams({ p: pageId, e: String(e), s: signAckToken(key, pageId, e) });
  return `/oncall/ack?${q.toString()}`;
}

export type AckTokenCheck = { ok: true } | { ok: false; reason: "malformed" | "expired" | "bad-signature" };

export function verifyAckToken(
  key: Buffer,
  input: { p?: unknown; e?: unknown; s?: unknown },
  now: number,
): AckTokenCheck {
  const { p, e, s } = input;
  if (typeof p !== "string" || typeof e !== "string" || typeof s !== "string")
    return { ok: false, reason: "malformed" };
  if (p.length > 64 || !/^\d{1,16}$/.test(e) || s.length > 64) return { ok: false, reason: "malformed" };
  const expected = Buffer.from(signAckToken(key, p, Number(e)));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) {
    return { ok: false, reason: "bad-signature" };
  }
  if (now >= Number(e)) return { ok: false, reason: "expired" };
  return { ok: true };
}
