"use client";
// The signed-in user's up/down colours: their setting, or by language when unset.
import { useQuery } from "@tanstack/react-query";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";
import { resolveUpColor, type UpColor } from "./chart-format";

export function useUpColor(): UpColor {
  const { locale } = useI18n();
  const trpc = useTRPC();
  const prefs = useQuery({ ...trpc.preferences.get.queryOptions(), staleTime: 300_000 });
  return resolveUpColor(prefs.data?.upColor, locale);
}
