"use client";
// The desk's chart: the shared interval chart panel (1m / 5m / 15m, live over SSE) with the
// symbol's detector alarms as markers, as on the symbol page.
import { useQuery } from "@tanstack/react-query";
import { IntervalChartPanel } from "../charts/interval-chart-panel";
import { useTRPC } from "../trpc/react";

export function LiveChartPanel({ symbol, prevClose }: { symbol: string; prevClose: number }) {
  const trpc = useTRPC();
  const alerts = useQuery(trpc.monitoring.alerts.queryOptions({ symbol, status: "all", limit: 100 }));
  return <IntervalChartPanel symbol={symbol} prevClose={prevClose} alerts={alerts.data ?? []} testId="desk-chart" />;
}
