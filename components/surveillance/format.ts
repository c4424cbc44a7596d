// Small display helpers of the surveillance screens (pure, unit-tested).

/** "3 h 05 min", "12 min", "2 d 4 h" for a duration in ms (absolute value). */
export function formatDuration(ms: number): string {
  const min = Math.floor(Math.abs(ms) / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h ${String(min % 60).padStart(2, "0")} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Priority band for the badge colour. */
export function priorityBand(p: number): "high" | "medium" | "low" {
  return p >= 70 ? "high" : p >= 50 ? "medium" : "low";
}
