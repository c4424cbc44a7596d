"use client";
// Live alerts over SSE (tRPC subscription on the bus, M6): each pushed minute refreshes the alert
// and action queries the screen shows, and the last event is kept for the latency figure.
import { useQueryClient } from "@tanstack/react-query";
import { useSubscription } from "@trpc/tanstack-react-query";
import { useState } from "react";
import type { AlertEvent } from "@/server/market/monitoring/market-monitoring";
import { useTRPC } from "../trpc/react";

export function useLiveAlerts(): { last: AlertEvent | null; status: string } {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [last, setLast] = useState<AlertEvent | null>(null);
  const sub = useSubscription(
    trpc.monitoring.onAlert.subscriptionOptions(undefined, {
      onData: (e) => {
        setLast(e.data);
        if (e.data.alerts.length > 0 || e.data.actions.length > 0) {
          void queryClient.invalidateQueries({ queryKey: trpc.monitoring.alerts.pathKey() });
          void queryClient.invalidateQueries({ queryKey: trpc.monitoring.actions.pathKey() });
        }
        void queryClient.invalidateQueries({ queryKey: trpc.monitoring.latency.pathKey() });
      },
    }),
  );
  return { last, status: sub.status };
}
