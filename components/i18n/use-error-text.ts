"use client";
// errorText bound to the reader's language: const errText = useErrorText(); errText(mutation.error).
import { useCallback } from "react";
import { errorText } from "./error-text";
import { useI18n } from "./i18n-provider";

export function useErrorText(): (err: unknown) => string {
  const { t, locale } = useI18n();
  return useCallback((err: unknown) => errorText(err, t, locale), [t, locale]);
}
