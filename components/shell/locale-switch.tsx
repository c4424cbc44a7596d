"use client";
import { LOCALES, type Locale } from "../i18n/config";
import { useI18n } from "../i18n/i18n-provider";

export function LocaleSwitch() {
  const { t, locale, setLocale } = useI18n();
  return (
    <select aria-label={t("common.language")} value={locale} onChange={(e) => setLocale(e.target.value as Locale)}>
      {LOCALES.map((l) => (
        <option key={l} value={l}>
          {l === "en" ? "English" : "简体中文"}
        </option>
      ))}
    </select>
  );
}
