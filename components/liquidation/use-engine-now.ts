"use client";
// Ticket deadlines are on the engine's clock, which runs faster than the wall clock in demos and
// tests (CLOCK_SPEED). The engine's simulated time is read once in a while and advanced locally at
// its speed; without an engine the wall clock is the engine clock.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "../trpc/react";
import { useNow } from "../ui/use-now";

export function useEngineNow(): number {
  const trpc = useTRPC();
  const status = useQuery({ ...trpc.market.status.queryOptions(), refetchInterval: 30_000, staleTime: 0 });
  const speed = status.data?.speed ?? 1;
  // Refresh often enough that a fast clock still counts down smoothly (at most ~3 simulated s a step).
  const now = useNow(Math.max(100, Math.min(1_000, Math.round(3_000 / speed))));
  const s = status.data;
  if (!s) return now;
  return s.simTime + (now - status.dataUpdatedAt) * s.speed;
}
