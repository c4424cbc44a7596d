// The group-robot webhook formats, as their vendors document them:
// - WeCom (企业微信) group robot: POST to the webhook URL (its key is the secret), body
//   {"msgtype":"markdown","markdown":{"content":...}}; success is {"errcode":0}.
// - DingTalk (钉钉) custom robot, "加签" security: timestamp in ms, sign =
//   urlencode(base64(HmacSHA256(key = secret, data = timestamp + "\n" + secret))), both appended to the
//   URL as query parameters; body {"msgtype":"markdown","markdown":{"title","text"}}; success {"errcode":0}.
// - Feishu (飞书) custom bot, "签名校验": timestamp in seconds, sign = base64(HmacSHA256(key =
//   timestamp + "\n" + secret, data = empty)), both in the JSON body; success {"code":0}.
// - Generic JSON webhook: our own body, X-MinuteDesk-Timestamp (ms) and X-MinuteDesk-Signature
//   "sha256=" + hex HmacSHA256(key = secret, data = timestamp + "." + body).
import crypto from "node:crypto";
import {
  bilingualTitle,
  detailLines,
  markdown,
  plainText,
  severityTag,
  type OpenChannel,
  type PageMessage,
} from "./message";

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  /** Reads the vendor's success flag from the parsed JSON response. */
  accepted(json: unknown): boolean;
}

const errcodeZero = (j: unknown) => typeof j === "object" && j !== null && (j as { errcode?: unknown }).errcode === 0;

export function dingTalkSign(secret: string, timestampMs: number): string {
  return crypto.createHmac("sha256", secret).update(`${timestampMs}\n${secret}`).digest("base64");
}

export function feishuSign(secret: string, timestampS: number): string {
  return crypto.createHmac("sha256", `${timestampS}\n${secret}`).update("").digest("base64");
}

export function genericSignature(secret: string, timestampMs: number, body: string): string {
  return `sha256=${crypto.createHmac("sha256", secret).update(`${timestampMs}.${body}`).digest("hex")}`;
}

export function buildWebhookRequest(ch: OpenChannel, m: PageMessage, nowMs: number): WebhookRequest {
  const json = { "content-type": "application/json" };
  switch (ch.kind) {
    case "WECOM":
      return {
        url: ch.target,
        headers: json,
        body: JSON.stringify({ msgtype: "markdown", markdown: { content: markdown(m) } }),
        accepted: errcodeZero,
      };
    case "DINGTALK": {
      const url = new URL(ch.target);
      if (ch.secret) {
        url.searchParams.set("timestamp", String(nowMs));
        url.searchParams.set("sign", dingTalkSign(ch.secret, nowMs));
      }
      return {
        url: url.toString(),
        headers: json,
        body: JSON.stringify({ msgtype: "markdown", markdown: { title: bilingualTitle(m), text: markdown(m) } }),
        accepted: errcodeZero,
      };
    }
    case "FEISHU": {
      const ts = Math.floor(nowMs / 1000);
      const post = {
        zh_cn: {
          title: `${severityTag(m)} ${bilingualTitle(m)}`,
          content: [
            ...detailLines(m).map((text) => [{ tag: "text", text }]),
            [
              { tag: "a", text: "Open in Minute Desk / 在控制台打开", href: m.link },
              { tag: "text", text: "  " },
              { tag: "a", text: "Acknowledge / 确认接手", href: m.ackLink },
            ],
          ],
        },
      };
      const body = {
        ...(ch.secret ? { timestamp: String(ts), sign: feishuSign(ch.secret, ts) } : {}),
        msg_type: "post",
        content: { post },
      };
      return {
        url: ch.target,
        headers: json,
        body: JSON.stringify(body),
        accepted: (j) => typeof j === "object" && j !== null && (j as { code?: unknown }).code === 0,
      };
    }
    case "WEBHOOK": {
      const body = JSON.stringify({
        type: "minute-desk.page",
        incidentId: m.incidentId,
        severity: m.severity,
        title: m.title,
        detail: m.detail,
        titleZh: m.zh.title,
        detailZh: m.zh.detail,
        level: m.level,
        link: m.link,
        ackLink: m.ackLink,
        incidentLink: m.incidentLink ?? null,
        text: plainText(m),
      });
      const headers: Record<string, string> = { ...json, "x-minutedesk-timestamp": String(nowMs) };
      if (ch.secret) headers["x-minutedesk-signature"] = genericSignature(ch.secret, nowMs, body);
      return { url: ch.target, headers, body, accepted: () => true };
    }
    case "EMAIL":
      throw new TypeError("email is not a webhook");
  }
}
