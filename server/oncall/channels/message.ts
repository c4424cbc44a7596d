// What a page says, independent of the channel: title, body lines, severity, the console link to
// the object and the signed acknowledge link. Each channel renders it in its own format.
import type { Severity } from "../../notify/desk-event";

export interface PageMessage {
  title: string;
  detail: string;
  /** The same in Simplified Chinese; empty strings when the incident predates bilingual texts. */
  zh: { title: string; detail: string };
  severity: Severity;
  /** Absolute URL of the object in the console. */
  link: string;
  /** Absolute URL of the signed acknowledge link. */
  ackLink: string;
  /** Absolute URL of the incident in the console (acknowledge or resolve there, signed in). */
  incidentLink?: string;
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

const SEVERITY_ZH: Record<Severity, string> = { INFO: "提示", WARNING: "警告", CRITICAL: "紧急" };

/** "[CRITICAL 紧急]": a duty group reads either language. */
export function severityTag(m: Pick<PageMessage, "severity">): string {
  return `[${m.severity} ${SEVERITY_ZH[m.severity]}]`;
}

/** "English / 中文" when there is a Chinese title that differs, else the English title. */
export function bilingualTitle(m: Pick<PageMessage, "title" | "zh">): string {
  return m.zh.title && m.zh.title !== m.title ? `${m.title} / ${m.zh.title}` : m.title;
}

/** The detail in English, then in Chinese on its own line when there is one. */
export function detailLines(m: Pick<PageMessage, "detail" | "zh">): string[] {
  return m.zh.detail && m.zh.detail !== m.detail ? [m.detail, m.zh.detail] : [m.detail];
}

export function plainText(m: PageMessage): string {
  return [
    `${severityTag(m)} ${bilingualTitle(m)}`,
    ...detailLines(m),
    `Open / 打开: ${m.link}`,
    `Acknowledge / 确认接手: ${m.ackLink}`,
    ...(m.incidentLink ? [`Incident / 事件: ${m.incidentLink}`] : []),
  ].join("\n");
}

export function markdown(m: PageMessage): string {
  return `### ${severityTag(m)} ${bilingualTitle(m)}\n${detailLines(m).join("  \n")}\n\n[Open in Minute Desk / 在控制台打开](${m.link})  \n[Acknowledge / 确认接手](${m.ackLink})`;
}
