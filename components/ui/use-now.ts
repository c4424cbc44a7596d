"use client";
// The current time as React state, refreshed on an interval: components that compare deadlines or
// lock expiries with "now" read it here instead of calling Date.now() during render (which would
// make rendering impure and the output stale until something else re-renders).
import { useEffect, useState } from "react";

export function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const id = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(id);
  }, [intervalMs]);
  return now;
}
