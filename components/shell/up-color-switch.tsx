"use client";
// The user menu's up/down colour setting: by language (default), red-up (China) or green-up (West).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { UpColor } from "../charts/chart-format";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function UpColorSwitch() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const prefs = useQuery({ ...trpc.preferences.get.queryOptions(), staleTime: 300_000 });
  const save = useMutation(
    trpc.preferences.setUpColor.mutationOptions({
      onSuccess: (data) => queryClient.setQueryData(trpc.preferences.get.queryKey(), data),
    }),
  );
  const value = prefs.data?.upColor ?? "";
  return (
    <select
      aria-label={t("deskux.colors.label")}
      data-testid="up-color-setting"
      value={value}
      disabled={!prefs.isSuccess || save.isPending}
      onChange={(e) => save.mutate({ upColor: e.target.value === "" ? null : (e.target.value as UpColor) })}
    >
      <option value="">
        {t("deskux.colors.label")}: {t("deskux.colors.auto")}
      </option>
      <option value="RED_UP">{t("deskux.colors.RED_UP")}</option>
      <option value="GREEN_UP">{t("deskux.colors.GREEN_UP")}</option>
    </select>
  );
}
