// Server components read the locale from the cookie the language switch sets.
import { cookies } from "next/headers";
import { createFormatters, createTranslator, DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "./config";

export async function getLocale(): Promise<Locale> {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

export async function getServerI18n() {
  const locale = await getLocale();
  return { locale, t: createTranslator(locale), fmt: createFormatters(locale) };
}
