// What a webhook target may be: an absolute http(s) URL of bounded length with no credentials in it
// (the signing secret has its own sealed field; a user:password@ in the URL would sit in every log
// line and hint), and no spaces or control characters (the URL parser silently drops tabs and
// newlines, so what was typed would not be what is called).
export const WEBHOOK_URL_MAX = 1024;

/** Why the target is not an acceptable webhook URL, or null when it is. */
export function webhookUrlProblem(target: string): string | null {
  if (target.length > WEBHOOK_URL_MAX) return `a webhook URL of at most ${WEBHOOK_URL_MAX} characters`;
  if (/[\u0000-\u0020\u007f]/.test(target)) return "a webhook URL without spaces or control characters";
  let url: URL;
  try {
    url = new URL(target);
  } catch {
    return "an absolute webhook URL such as https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=...";
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return "an http:// or https:// webhook URL";
  if (url.username || url.password)
    return "a webhook URL without a user name or password (put the signing secret in its own field)";
  if (!url.hostname) return "a webhook URL with a host name";
  return null;
}
