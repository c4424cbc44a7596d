// Ids made before a row exists (a channel's id seals its secrets as additional data).
import crypto from "node:crypto";

export function cuidLike(): string {
  return `c${Date.now().toString(36)}${crypto.randomBytes(10).toString("hex")}`;
}
