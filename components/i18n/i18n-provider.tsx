"use client";
// Client side of the i18n layer: the locale chosen on the server (cookie) is passed down; the
// switch writes the cookie and refreshes the server components.
import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import {
  createFormatters,
  createTranslator,
  LOCALE_COOKIE,
  type Formatters,
  type Locale,
  type Translate,
} from "./config";

interface I18nValue {
  locale: Locale;
  t: Translate;
  fmt: Formatters;
  setLocale: (locale: Locale) => void;
}

const I18nContext = createContext<I18nValue | null>(null);

export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const router = useRouter();
  const setLocale = useCallback(
    (next: Locale) => {
      document.cookie = `${LOCALE_COOKIE}=${next}; path=/; max-age=31536000; samesite=lax`;
      router.refresh();
    },
    [router],
  );
  const value = useMemo(
    () => ({ locale, t: createTranslator(locale), fmt: createFormatters(locale), setLocale }),
    [locale, setLocale],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18nValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useI18n must be used inside I18nProvider");
  return value;
}
