// The on-call settings: a 32-byte base64 key, an smtp(s) URL, an email sender; each refused by name.
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv } from "../env";

describe("on-call configuration", () => {
  it("accepts a 32-byte key and an smtp URL; defaults the sender", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    const env = parseEnv({ ONCALL_SECRET_KEY: key, ONCALL_SMTP_URL: "smtp://relay.bank.test:25" });
    expect(env.ONCALL_SECRET_KEY).toBe(key);
    expect(env.ONCALL_EMAIL_FROM).toBe("minute-desk@localhost.localdomain");
  });

  it.each([
    ["ONCALL_SECRET_KEY", Buffer.alloc(16).toString("base64")],
    ["ONCALL_SECRET_KEY", "not base64 at all!!"],
    ["ONCALL_SMTP_URL", "http://relay:25"],
    ["ONCALL_EMAIL_FROM", "nobody"],
    ["ONCALL_CONSOLE_URL", "desk.example.com"],
  ])("refuses a bad %s", (name, value) => {
    expect(() => parseEnv({ [name]: value })).toThrow(ConfigError);
    try {
      parseEnv({ [name]: value });
    } catch (err) {
      expect((err as Error).message).toContain(`${name}:`);
    }
  });
});
