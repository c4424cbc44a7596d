// The senders: webhooks through Node's fetch (undici) with a timeout, email through nodemailer over
// SMTP. A failure is a DeliveryError with a short reason that is recorded on the delivery.
import nodemailer from "nodemailer";
import { buildWebhookRequest } from "./webhook-formats";
import {
  bilingualTitle,
  DeliveryError,
  detailLines,
  plainText,
  severityTag,
  type ChannelSender,
  type OpenChannel,
  type PageMessage,
} from "./message";

export interface SmtpConfig {
  url: string; // smtp://user:pass@host:port or smtps://
  from: string;
}

export interface SenderOptions {
  now: () => number;
  smtp: SmtpConfig | null;
  timeoutMs?: number;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createChannelSender(opts: SenderOptions): ChannelSender {
  const timeoutMs = opts.timeoutMs ?? 5_000;
  const transport = opts.smtp ? nodemailer.createTransport(opts.smtp.url) : null;
  return {
    async send(ch: OpenChannel, m: PageMessage) {
      if (ch.kind === "EMAIL") {
        if (!transport || !opts.smtp) throw new DeliveryError("SMTP is not configured (ONCALL_SMTP_URL)");
        try {
          await transport.sendMail({
            from: opts.smtp.from,
            to: ch.target,
            subject: `${severityTag(m)} ${bilingualTitle(m)}`,
            text: plainText(m),
            html: `<p><strong>${escapeHtml(`${severityTag(m)} ${bilingualTitle(m)}`)}</strong></p>${detailLines(m)
              .map((l) => `<p>${escapeHtml(l)}</p>`)
              .join(
                "",
              )}<p><a href="${escapeHtml(m.link)}">Open in Minute Desk / 在控制台打开</a> · <a href="${escapeHtml(m.ackLink)}">Acknowledge / 确认接手</a></p>`,
          });
        } catch (err) {
          throw new DeliveryError(`SMTP: ${(err as Error).message}`.slice(0, 300));
        }
        return;
      }
      const req = buildWebhookRequest(ch, m, opts.now());
      let res: Response;
      try {
        res = await fetch(req.url, {
          method: "POST",
          headers: req.headers,
          body: req.body,
          redirect: "error",
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        throw new DeliveryError(`network: ${(err as Error).message}`.slice(0, 300));
      }
      const text = await res.text().catch(() => "");
      if (!res.ok) throw new DeliveryError(`HTTP ${res.status}`);
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = null;
      }
      if (ch.kind !== "WEBHOOK" && !req.accepted(json)) {
        throw new DeliveryError(`refused by the robot: ${text.slice(0, 200)}`);
      }
    },
  };
}
