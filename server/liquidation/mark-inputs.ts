// The mark guard's inputs from the running engine: each closed bar (close and its M1 quality flag) with
// the feed supervisor's evidence for it, the other source's fresh price and the active source's last
// prints of that minute (./mark-guard.ts decides).
import type { BarQuality, MarkGuardInput } from "./mark-guard";

export interface MarkEvidenceSource {
  markEvidence(symbol: string, minuteTs: number, now: number): { secondaryPrice: number | null; lastPrints: number[] };
}

export function markInputsFromFeeds(
  feeds: MarkEvidenceSource,
  minuteTs: number,
  bars: ReadonlyArray<{ symbol: string; close: number; quality: BarQuality }>,
  now: number,
): MarkGuardInput[] {
  return bars.map((b) => ({
    symbol: b.symbol,
    bar: { close: b.close, quality: b.quality },
    ...feeds.markEvidence(b.symbol, minuteTs, now),
  }));
}
