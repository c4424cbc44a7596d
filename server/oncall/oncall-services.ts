// What the on-call plugin hands to routers and route handlers: the sealing box, the acknowledge-link
// key, a sender (for "send a test page"), the clock, and the pager when the engine runs here.
import crypto from "node:crypto";
import type { Env } from "../env";
import type { ChannelSender } from "./channels/message";
import type { Pager } from "./pager";
import { createSecretBox, parseSecretKey, type SecretBox } from "./secret-box";

export interface OncallServices {
  box: SecretBox;
  ackKey: Buffer;
  sender: ChannelSender;
  consoleUrl: string;
  now(): number;
  pager: Pager | null;
}

/** ONCALL_SECRET_KEY when set; otherwise a key derived from the session secret (distinct label). */
export function resolveOncallBox(env: Env, authSecret: () => string): SecretBox {
  const key = env.ONCALL_SECRET_KEY
    ? parseSecretKey(env.ONCALL_SECRET_KEY)
    : Buffer.from(crypto.hkdfSync("sha256", authSecret(), Buffer.alloc(0), "minute-desk.oncall-key", 32));
  return createSecretBox(key);
}

export function consoleUrlOf(env: Env): string {
  return env.ONCALL_CONSOLE_URL ?? env.NEXTAUTH_URL ?? "http://localhost:3000";
}
