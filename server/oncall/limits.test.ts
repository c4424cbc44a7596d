// The acknowledge link's throttle and the webhook URL rules: counts worked by hand, hostile URLs.
import { describe, expect, it } from "vitest";
import { createAckThrottle } from "./ack-throttle";
import { WEBHOOK_URL_MAX, webhookUrlProblem } from "./channels/webhook-url";

describe("acknowledge-link throttle", () => {
  it("per address: the 4th use of 3 per window is refused with the seconds left; another address is not", async () => {
    const th = createAckThrottle({ perIp: 3, perPage: 100, windowS: 60 });
    for (let i = 0; i < 3; i += 1) expect(await th.take("10.0.0.1", `page${i}`)).toBeNull();
    const wait = await th.take("10.0.0.1", "page9");
    expect(wait).toBeGreaterThanOrEqual(59);
    expect(wait).toBeLessThanOrEqual(60);
    expect(await th.take("10.0.0.2", "page9")).toBeNull();
  });

  it("per page: one link tried from many addresses stops at its own limit; junk ids count per address only", async () => {
    const th = createAckThrottle({ perIp: 100, perPage: 2, windowS: 60 });
    expect(await th.take("10.0.0.1", "pg1")).toBeNull();
    expect(await th.take("10.0.0.2", "pg1")).toBeNull();
    expect(await th.take("10.0.0.3", "pg1")).not.toBeNull();
    expect(await th.take("10.0.0.3", "pg2")).toBeNull();
    for (const junk of ["__proto__", "a b", "x".repeat(65), undefined, 42, "\u0000"]) {
      expect(await th.take("10.0.0.4", junk)).toBeNull();
    }
    // No proxy header: every direct client shares one address bucket.
    const direct = createAckThrottle({ perIp: 1, perPage: 10, windowS: 60 });
    expect(await direct.take(null, "pg1")).toBeNull();
    expect(await direct.take(undefined, "pg2")).not.toBeNull();
  });
});

describe("webhook URL", () => {
  it("accepts the vendors' robot URLs", () => {
    for (const u of [
      "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx",
      "https://oapi.dingtalk.com/robot/send?access_token=abc",
      "https://open.feishu.cn/open-apis/bot/v2/hook/xyz",
      "http://127.0.0.1:8080/hook",
    ]) {
      expect(webhookUrlProblem(u)).toBeNull();
    }
  });

  it("refuses other schemes, credentials, control characters, spaces and URLs over the cap", () => {
    expect(webhookUrlProblem("file:///etc/passwd")).toMatch(/http/);
    expect(webhookUrlProblem("javascript:alert(1)")).toMatch(/http/);
    expect(webhookUrlProblem("ftp://example.com/x")).toMatch(/http/);
    expect(webhookUrlProblem("https://user:pw@example.com/hook")).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://token@example.com/hook")).toMatch(/user name or password/);
    expect(webhookUrlProblem("https://exa\nmple.com/hook")).toMatch(/control/);
    expect(webhookUrlProblem("https://example.com/a\u0000b")).toMatch(/control/);
    expect(webhookUrlProblem("https://example.com/a b")).toMatch(/spaces/);
    expect(webhookUrlProblem("/relative/hook")).toMatch(/absolute/);
    const base = "https://example.com/";
    expect(webhookUrlProblem(base + "a".repeat(WEBHOOK_URL_MAX - base.length))).toBeNull();
    expect(webhookUrlProblem(base + "a".repeat(WEBHOOK_URL_MAX - base.length + 1))).toMatch(/1024/);
  });
});
