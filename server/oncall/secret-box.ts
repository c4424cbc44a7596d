// Channel secrets (webhook URLs with their tokens, signing secrets) are stored sealed with AES-256-GCM
// under ONCALL_SECRET_KEY. Format "v1.<iv>.<tag>.<ciphertext>" (base64url); the channel id is bound
// as additional data so a sealed value copied onto another channel does not open.
import crypto from "node:crypto";

export interface SecretBox {
  seal(plain: string, context: string): string;
  open(sealed: string, context: string): string;
  /** A key derived for another purpose (e.g. signing acknowledge links), never the sealing key itself. */
  derive(purpose: string): Buffer;
}

export function parseSecretKey(base64: string): Buffer {
  const key = Buffer.from(base64, "base64");
  if (key.length !== 32) throw new RangeError("ONCALL_SECRET_KEY must be 32 bytes, base64-encoded");
  return key;
}

export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new RangeError("the sealing key must be 32 bytes");
  const sealKey = Buffer.from(crypto.hkdfSync("sha256", key, Buffer.alloc(0), "oncall.seal", 32));
  return {
    seal(plain, context) {
      const iv = crypto.randomBytes(12);
      const c = crypto.createCipheriv("aes-256-gcm", sealKey, iv);
      c.setAAD(Buffer.from(context, "utf8"));
      const ct = Buffer.concat([c.update(plain, "utf8"), c.final()]);
      return ["v1", iv, c.getAuthTag(), ct].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
    },
    open(sealed, context) {
      const [v, iv, tag, ct] = sealed.split(".");
      if (v !== "v1" || !iv || !tag || ct === undefined) throw new Error("not a sealed secret");
      const d = crypto.createDecipheriv("aes-256-gcm", sealKey, Buffer.from(iv, "base64url"));
      d.setAAD(Buffer.from(context, "utf8"));
      d.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([d.update(Buffer.from(ct, "base64url")), d.final()]).toString("utf8");
    },
    derive(purpose) {
      return Buffer.from(crypto.hkdfSync("sha256", key, Buffer.alloc(0), `oncall.${purpose}`, 32));
    },
  };
}
