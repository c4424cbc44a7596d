// Server errors in the reader's language, by code: the tRPC/AppError code gives the sentence, the
// server's own (English) message stays as the detail in Chinese, and zod issues are listed by field.
import type { Locale, Translate } from "./config";

const CODES = [
  "BAD_REQUEST",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "CONFLICT",
  "PRECONDITION_FAILED",
  "PAYLOAD_TOO_LARGE",
  "UNSUPPORTED_MEDIA_TYPE",
  "TOO_MANY_REQUESTS",
  "TIMEOUT",
  "INTERNAL_SERVER_ERROR",
] as const;
type Code = (typeof CODES)[number];

interface ErrorLike {
  message?: unknown;
  data?: { code?: unknown; issues?: Array<{ path: string; message: string }> } | null;
}

function codeOf(err: ErrorLike): Code | null {
  const c = err.data?.code;
  return typeof c === "string" && (CODES as readonly string[]).includes(c) ? (c as Code) : null;
}

export function errorText(err: unknown, t: Translate, locale: Locale): string {
  const e = (typeof err === "object" && err !== null ? err : { message: String(err) }) as ErrorLike;
  const message = typeof e.message === "string" ? e.message : "";
  const code = codeOf(e);
  if (locale === "en" || code === null) return message || t("common.error");
  const text = t(`deskux.serverErrors.${code}`);
  const issues = e.data?.issues;
  const detail =
    issues && issues.length > 0
      ? issues
          .map((i) => (i.path ? t("deskux.serverErrors.field", { field: i.path, message: i.message }) : i.message))
          .join("；")
      : message;
  return detail && detail !== text ? t("deskux.serverErrors.detail", { text, detail }) : text;
}
