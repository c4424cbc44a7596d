"use client";
// ADMIN sends a critical drill page through the real policy, roster and channels.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ConfirmDialog } from "../ui/confirm-dialog";
import { useI18n } from "../i18n/i18n-provider";
import { useTRPC } from "../trpc/react";

export function DrillButton() {
  const { t } = useI18n();
  const trpc = useTRPC();
  const qc = useQueryClient();
  const [open, setOpen] = useState(false);
  const drill = useMutation(
    trpc.oncall.drill.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        void qc.invalidateQueries({ queryKey: trpc.oncall.incidents.pathKey() });
      },
    }),
  );
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)}>
        {t("oncall.drill.run")}
      </button>
      {drill.isSuccess && <span role="status">{t("oncall.drill.done")}</span>}
      <ConfirmDialog
        open={open}
        title={t("oncall.drill.title")}
        body={t("oncall.drill.body")}
        confirmLabel={t("oncall.drill.run")}
        cancelLabel={t("common.cancel")}
        busy={drill.isPending}
        error={drill.error?.message ?? null}
        onCancel={() => setOpen(false)}
        onConfirm={() => drill.mutate({})}
      />
    </>
  );
}
