// Each channel format against a local server on loopback that checks the signature (recomputed here
// with WebCrypto, independently of the sender's node:crypto code, from the vendors' documented
// schemes) and the body; email against smtp-server on loopback.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createChannelSender } from "./senders";
import { DeliveryError, type PageMessage } from "./message";

const NOW = Date.parse("2026-12-03T19:00:00Z");
const SECRET = "SEC0123456789abcdef";
const msg: PageMessage = {
  title: "Hard floor: A00017 Wang Fang",
  detail: "Margin level 0.82 below the hard floor 0.9; execution started.",
  zh: { title: "触及强平线：A00017 王芳", detail: "维持担保比例 0.82 低于强平线 0.9，已开始执行。" },
  severity: "CRITICAL",
  link: "http://desk.test/risk/liquidations/t1",
  ackLink: "http://desk.test/oncall/ack?p=pg1&e=1&s=abc",
  incidentId: "inc1",
  level: 0,
};

async function hmacB64(key: string, data: string): Promise<string> {
  const k = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode(key),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return Buffer.from(await crypto.subtle.sign("HMAC", k, new TextEncoder().encode(data))).toString("base64");
}

interface Seen {
  url: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
let server: http.Server;
let base = "";
const seen: Seen[] = [];
let reply: (s: Seen) => Promise<[number, unknown]> = async () => [200, { errcode: 0 }];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      const s = { url: req.url ?? "", headers: req.headers, body };
      seen.push(s);
      void reply(s).then(([status, json]) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(json));
      });
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => new Promise<void>((r) => server.close(() => r())));

const sender = createChannelSender({ now: () => NOW, smtp: null });

describe("webhook formats on loopback", () => {
  it("WeCom: markdown message with both links to the key URL", async () => {
    seen.length = 0;
    reply = async () => [200, { errcode: 0, errmsg: "ok" }];
    await sender.send({ kind: "WECOM", target: `${base}/cgi-bin/webhook/send?key=K1`, secret: null }, msg);
    const s = seen[0]!;
    expect(s.url).toBe("/cgi-bin/webhook/send?key=K1");
    const body = JSON.parse(s.body) as { msgtype: string; markdown: { content: string } };
    expect(body.msgtype).toBe("markdown");
    // Both languages: the group reads either.
    expect(body.markdown.content).toContain("[CRITICAL 紧急] Hard floor: A00017 Wang Fang / 触及强平线：A00017 王芳");
    expect(body.markdown.content).toContain(msg.detail);
    expect(body.markdown.content).toContain(msg.zh.detail);
    expect(body.markdown.content).toContain(`(${msg.link})`);
    expect(body.markdown.content).toContain(`(${msg.ackLink})`);
  });

  it("DingTalk: timestamp (ms) and sign = base64 HMAC(secret, ts\\nsecret) in the query; a wrong sign is refused", async () => {
    seen.length = 0;
    reply = async (s) => {
      const q = new URL(s.url, base).searchParams;
      const ts = q.get("timestamp") ?? "";
      const ok = q.get("sign") === (await hmacB64(SECRET, `${ts}\n${SECRET}`)) && ts === String(NOW);
      return [200, ok ? { errcode: 0, errmsg: "ok" } : { errcode: 310000, errmsg: "sign not match" }];
    };
    await sender.send({ kind: "DINGTALK", target: `${base}/robot/send?access_token=T1`, secret: SECRET }, msg);
    const body = JSON.parse(seen[0]!.body) as { msgtype: string; markdown: { title: string; text: string } };
    expect(new URL(seen[0]!.url, base).searchParams.get("access_token")).toBe("T1");
    expect(body).toMatchObject({
      msgtype: "markdown",
      markdown: { title: "Hard floor: A00017 Wang Fang / 触及强平线：A00017 王芳" },
    });
    expect(body.markdown.text).toContain(msg.ackLink);
    await expect(
      sender.send({ kind: "DINGTALK", target: `${base}/robot/send?access_token=T1`, secret: "wrong" }, msg),
    ).rejects.toThrow(/sign not match/);
  });

  it("Feishu: timestamp (s) and sign = base64 HMAC(key = ts\\nsecret, empty) in the body; post with links", async () => {
    seen.length = 0;
    reply = async (s) => {
      const b = JSON.parse(s.body) as { timestamp: string; sign: string };
      const ok = b.timestamp === String(NOW / 1000) && b.sign === (await hmacB64(`${b.timestamp}\n${SECRET}`, ""));
      return [200, ok ? { code: 0, msg: "success" } : { code: 19021, msg: "sign match fail" }];
    };
    await sender.send({ kind: "FEISHU", target: `${base}/open-apis/bot/v2/hook/H1`, secret: SECRET }, msg);
    const b = JSON.parse(seen[0]!.body) as {
      msg_type: string;
      content: { post: { zh_cn: { title: string; content: { tag: string; href?: string }[][] } } };
    };
    expect(b.msg_type).toBe("post");
    expect(b.content.post.zh_cn.title).toBe("[CRITICAL 紧急] Hard floor: A00017 Wang Fang / 触及强平线：A00017 王芳");
    expect(
      b.content.post.zh_cn.content
        .flat()
        .filter((x) => x.tag === "a")
        .map((x) => x.href),
    ).toEqual([msg.link, msg.ackLink]);
    await expect(
      sender.send({ kind: "FEISHU", target: `${base}/open-apis/bot/v2/hook/H1`, secret: "nope" }, msg),
    ).rejects.toThrow(/sign match fail/);
  });

  it("generic: X-MinuteDesk-Signature = sha256=hex HMAC(secret, ts.body); HTTP errors fail the delivery", async () => {
    seen.length = 0;
    reply = async () => [204, null];
    await sender.send({ kind: "WEBHOOK", target: `${base}/hooks/desk`, secret: SECRET }, msg);
    const s = seen[0]!;
    const ts = String(s.headers["x-minutedesk-timestamp"]);
    const hex = Buffer.from(await hmacB64(SECRET, `${ts}.${s.body}`), "base64").toString("hex");
    expect(s.headers["x-minutedesk-signature"]).toBe(`sha256=${hex}`);
    expect(JSON.parse(s.body)).toMatchObject({
      type: "minute-desk.page",
      incidentId: "inc1",
      link: msg.link,
      title: msg.title,
      titleZh: msg.zh.title,
      detailZh: msg.zh.detail,
    });
    reply = async () => [503, { error: "down" }];
    await expect(sender.send({ kind: "WEBHOOK", target: `${base}/hooks/desk`, secret: SECRET }, msg)).rejects.toThrow(
      DeliveryError,
    );
    // A closed port: a network error, also a DeliveryError.
    await expect(sender.send({ kind: "WEBHOOK", target: "http://127.0.0.1:1/x", secret: null }, msg)).rejects.toThrow(
      DeliveryError,
    );
  });
});

describe("email over SMTP on loopback (smtp-server)", () => {
  it("sends to the address with the subject and both links", async () => {
    const mails: { to: string[]; raw: string }[] = [];
    const smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      onData(stream, session, cb) {
        let raw = "";
        stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
        stream.on("end", () => {
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          cb();
        });
      },
    });
    await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", r));
    const port = (smtp.server.address() as AddressInfo).port;
    try {
      const s = createChannelSender({
        now: () => NOW,
        smtp: { url: `smtp://127.0.0.1:${port}?ignoreTLS=true`, from: "desk@minute.test" },
      });
      await s.send({ kind: "EMAIL", target: "risk.oncall@bank.test", secret: null }, msg);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.to).toEqual(["risk.oncall@bank.test"]);
      // Undo quoted-printable soft breaks and escapes before looking for the links.
      const decoded = mails[0]!.raw
        .replace(/=\r?\n/g, "")
        .replace(/=([0-9A-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      // The subject has Chinese, so it travels as RFC 2047 encoded words: decode them (B or Q) to read it.
      const subject = /^Subject: (.*(?:\r?\n[ \t].*)*)/m
        .exec(mails[0]!.raw)![1]!
        .replace(/\r?\n[ \t]/g, " ")
        .replace(/=\?utf-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
          enc.toUpperCase() === "B"
            ? Buffer.from(text, "base64").toString("utf8")
            : Buffer.from(
                text
                  .replace(/_/g, " ")
                  .replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
                "latin1",
              ).toString("utf8"),
        );
      expect(subject).toBe("[CRITICAL 紧急] Hard floor: A00017 Wang Fang / 触及强平线：A00017 王芳");
      expect(decoded).toContain(msg.link);
      expect(decoded).toContain(msg.ackLink);
    } finally {
      await new Promise<void>((r) => smtp.close(() => r()));
    }
    await expect(
      createChannelSender({ now: () => NOW, smtp: null }).send(
        { kind: "EMAIL", target: "a@b.test", secret: null },
        msg,
      ),
    ).rejects.toThrow(/SMTP is not configured/);
  });
});
