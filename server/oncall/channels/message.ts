// What a page says, independent of the channel: title, body lines, severity, the console link to
// the object and the signed acknowledge link. Each channel renders it in its own format.
import type { Severity } from "../../notify/desk-event";

export interface PageMessage {
  title: string;
  detail: string;
  severity: Severity;
  /** Absolute URL of the object in the console. */
  link: string;
  /** Absolute URL of the signed acknowledge link. */
  ackLink: string;
  incidentId: string;
  /** Escalation level (0 = first person). */
  level: number;
}

export const CHANNEL_KINDS = ["WECOM", "DINGTALK", "FEISHU", "WEBHOOK", "EMAIL"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

/** What a sender needs: the opened (decrypted) target and signing secret. */
export interface OpenChannel {
  kind: ChannelKind;
  /** Webhook URL, or the email address. */
  target: string;
  secret: string | null;
}

export interface ChannelSender {
  send(channel: OpenChannel, message: PageMessage): Promise<void>;
}

export class DeliveryError extends Error {}

export function plainText(m: PageMessage): string {
  return `[${m.severity}] ${m.title}\n${m.detail}\nOpen: ${m.link}\nAcknowledge: ${m.ackLink}`;
}

export function markdown(m: PageMessage): string {
  return `### [${m.severity}] ${m.title}\n${m.detail}\n\n[Open in Minute Desk](${m.link})  \n[Acknowledge](${m.ackLink})`;
}
