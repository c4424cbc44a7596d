// On-call fixtures: a pager on a test database with an injected engine clock, and a loopback
// webhook server that records what it receives and answers as scripted.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@/server/db/connection";
import { createChannelSender } from "@/server/oncall/channels/senders";
import type { OncallServices } from "@/server/oncall/oncall-services";
import { Pager } from "@/server/oncall/pager";
import { createSecretBox } from "@/server/oncall/secret-box";

export interface PagerFixture {
  clock: { now: number };
  pager: Pager;
  services: { oncall: OncallServices };
}

export function createPager(db: Database, start: number): PagerFixture {
  const clock = { now: start };
  const box = createSecretBox(crypto.randomBytes(32));
  const ackKey = box.derive("ack-link");
  const sender = createChannelSender({ now: () => clock.now, smtp: null, timeoutMs: 2_000 });
  const consoleUrl = "http://desk.test";
  const pager = new Pager({
    prisma: db.prisma,
    box,
    ackKey,
    sender,
    now: () => clock.now,
    wallNow: () => clock.now,
    consoleUrl,
  });
  return { clock, pager, services: { oncall: { box, ackKey, sender, consoleUrl, now: () => clock.now, pager } } };
}

export interface Hook {
  url: string;
  received: { path: string; headers: http.IncomingHttpHeaders; body: string }[];
  status: number;
  close(): Promise<void>;
}

export async function startHook(): Promise<Hook> {
  const hook = { received: [], status: 200 } as unknown as Hook;
  const server = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      hook.received.push({ path: req.url ?? "", headers: req.headers, body });
      res.writeHead(hook.status, { "content-type": "application/json" });
      res.end("{}");
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  hook.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  hook.close = () => new Promise<void>((r) => server.close(() => r()));
  return hook;
}
