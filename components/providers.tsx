"use client";
import { SessionProvider } from "next-auth/react";
import type { ReactNode } from "react";
import type { Locale } from "./i18n/config";
import { I18nProvider } from "./i18n/i18n-provider";
import { TRPCReactProvider } from "./trpc/react";

export function Providers({ locale, children }: { locale: Locale; children: ReactNode }) {
  return (
    <SessionProvider refetchOnWindowFocus={false}>
      <I18nProvider locale={locale}>
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </I18nProvider>
    </SessionProvider>
  );
}
