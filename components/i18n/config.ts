// The i18n layer: locales, catalogs, message lookup with {param} interpolation, and
// locale-aware formatting of numbers, money (CNY) and times (always shown in Asia/Shanghai).
import { en, type Messages } from "./en";
import { zhCN } from "./zh-CN";

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";
export const LOCALE_COOKIE = "md-locale";
export const DISPLAY_TIME_ZONE = "Asia/Shanghai";

const catalogs: Record<Locale, Messages> = { en, "zh-CN": zhCN };

export function isLocale(v: unknown): v is Locale {
  return typeof v === "string" && (LOCALES as readonly string[]).includes(v);
}

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Paths<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T];
export type MessageKey = Paths<Messages>;
export type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

function lookup(messages: Messages, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split(".")) {
    if (typeof node !== "object" || node === null) return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return typeof node === "string" ? node : undefined;
}

export function createTranslator(locale: Locale): Translate {
  const messages = catalogs[locale];
  const plural = new Intl.PluralRules(locale);
  return (key, params) => {
    // Plural forms: with a numeric {n}, "key_one" (etc.) is used when the catalog has it.
    const n = params?.n;
    const form = typeof n === "number" ? lookup(messages, `${key}_${plural.select(n)}`) : undefined;
    const text = form ?? lookup(messages, key) ?? lookup(en, key) ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m)) : text;
  };
}

export function createFormatters(locale: Locale) {
  const num = (digits: number) =>
    new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // "negative": no minus on a zero (-0, or -0.001 rounded), which read "-CN¥0.00" on the capital page.
  const money = new Intl.NumberFormat(locale, { style: "currency", currency: "CNY", signDisplay: "negative" });
  const dateTime = new Intl.DateTimeFormat(locale, {
    timeZone: DISPLAY_TIME_ZONE,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
  });
  const time = new Intl.DateTimeFormat(locale, {
    timeZone: DISPLAY_TIME_ZONE,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  });
  const int = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const pct = new Intl.NumberFormat(locale, {
    style: "percent",
    minimumFractionDigits: 2,
    maximumFractionDigits: 2,
    signDisplay: "exceptZero",
  });
  return {
    number: (v: number, digits = 2) => num(digits).format(v),
    integer: (v: number) => int.format(v),
    money: (v: number) => money.format(v),
    /** Prices in CNY with the unit, e.g. "¥12.34". */
    price: (v: number) => money.format(v),
    percent: (v: number) => pct.format(v),
    dateTime: (v: Date | number) => dateTime.format(v),
    time: (v: Date | number) => time.format(v),
  };
}
export type Formatters = ReturnType<typeof createFormatters>;
